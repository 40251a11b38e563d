// GET /api/v1/dossiers/:id/stream over a real socket: the state at once, a
// new event after each audit event (from this server or from another
// connection to the database), nobody else's dossier, and app.close() ends
// the streams instead of waiting for them.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  lockDossier,
  transition,
} from '../../../server/plugins/app/dossiers/dossier-transitions.js';
import { createDb } from '../../../server/plugins/external/database.js';
import { seedDemo } from '../../../server/plugins/app/seed/demo-seed.js';
import { build } from '../../support/build.js';
import { openEventStream, within } from '../../support/event-stream-client.js';
import type { Session } from '../../support/sessions.js';
import { caller, readyDraft, sessionsOf, type Person } from './web-fixtures.js';

interface DossierState {
  status: string;
  statusCode: number | null;
  updatedAt: string;
  lastEventSeq: number;
}

const openStream = async (base: string, dossierId: string, session: Session) => {
  const stream = await openEventStream(
    `${base}/api/v1/dossiers/${dossierId}/stream`,
    session.cookie,
  );
  return { ...stream, next: (ms?: number) => stream.next<DossierState>(ms) };
};

describe('live dossier status (Server-Sent Events)', () => {
  let app: FastifyInstance;
  let base: string;
  let s: Record<Person, Session>;
  let closed = false;

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    s = await sessionsOf(app);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    base = address;
  });
  afterAll(async () => {
    if (!closed) await app.close();
  });

  it('sends the state at once, then again after each change, from any connection', async () => {
    const { id } = await readyDraft(app, s.citizen);
    const stream = await openStream(base, id, s.citizen);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);

    const first = await stream.next();
    expect(first.event).toBe('dossier');
    expect(first.data).toMatchObject({ status: 'draft', statusCode: null });
    const seq = first.data.lastEventSeq;
    expect(first.id).toBe(String(seq));

    const submitted = await caller(app)(s.citizen, 'POST', `/api/v1/dossiers/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const second = await stream.next();
    expect(second.data).toMatchObject({ status: 'submitted', statusCode: 1 });
    expect(second.data.lastEventSeq).toBeGreaterThan(seq);

    // Another server process: its own connection appends the audit event.
    const other = createDb(inject('databaseUrl'), { max: 1 });
    try {
      await other.transaction(async (trx) => {
        const dossier = (await lockDossier(trx, id))!;
        await transition(
          trx,
          dossier,
          'REQUEST_WITHDRAWAL',
          { id: null, role: 'system' },
          new Date(),
          {
            reason: 'from another connection',
          },
        );
      });
    } finally {
      await other.destroy();
    }
    const third = await stream.next();
    expect(third.data).toMatchObject({ status: 'withdrawal_requested', statusCode: 7 });
    expect(third.data.lastEventSeq).toBe(second.data.lastEventSeq + 1);
    stream.close();
  });

  it('sends the state a notification carries, without reading the dossier', async () => {
    const { id } = await readyDraft(app, s.citizen);
    const stream = await openStream(base, id, s.citizen);
    const first = await stream.next();
    // A state the dossier does not have: only the notification can tell it.
    const carried = {
      dossierId: id,
      seq: first.data.lastEventSeq + 50,
      status: 'received',
      updatedAt: '2030-01-02T03:04:05.678Z',
    };
    await app.db.raw('select pg_notify(?, ?)', ['motcua_dossier_events', JSON.stringify(carried)]);
    const next = await stream.next();
    expect(next.data).toEqual({
      status: 'received',
      statusCode: 2,
      statusLabel: expect.any(Object),
      updatedAt: carried.updatedAt,
      lastEventSeq: carried.seq,
    });
    stream.close();
  });

  it('an officer of the dossier’s agency may follow it; nobody else', async () => {
    const { id } = await readyDraft(app, s.citizen);
    const officer = await openStream(base, id, s.reception);
    expect(officer.res.status).toBe(200);
    expect((await officer.next()).data.status).toBe('draft');
    officer.close();

    for (const who of ['organisation', 'otherAgency'] as const) {
      const res = await fetch(`${base}/api/v1/dossiers/${id}/stream`, {
        headers: { cookie: s[who].cookie },
      });
      expect(res.status, who).toBe(404);
      expect((await res.json()).code).toBe('NOT_FOUND');
    }
    const anonymous = await fetch(`${base}/api/v1/dossiers/${id}/stream`);
    expect(anonymous.status).toBe(401);
  });

  it('a client that goes away is unsubscribed', async () => {
    const openStreams = async () => {
      const text = (await app.inject('/metrics')).body;
      return Number(/^motcua_dossier_streams (\d+)$/m.exec(text)?.[1]);
    };
    const { id } = await readyDraft(app, s.citizen);
    const stream = await openStream(base, id, s.citizen);
    await stream.next();
    expect(await openStreams()).toBe(1);
    stream.close();
    await within(
      (async () => {
        while ((await openStreams()) !== 0) await new Promise((r) => setTimeout(r, 50));
      })(),
      5_000,
      'the stream to be unsubscribed',
    );
  });

  it('app.close() ends the open streams and does not wait for them', async () => {
    const { id } = await readyDraft(app, s.citizen);
    const stream = await openStream(base, id, s.citizen);
    await stream.next();
    const started = Date.now();
    closed = true;
    await within(app.close(), 10_000, 'app.close()');
    await stream.ended();
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
