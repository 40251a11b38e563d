// GET /api/v1/dossiers/:id/stream: the dossier's status as Server-Sent
// Events, for whoever may read the dossier. An event `dossier` at once, then
// after every audit event appended to the dossier (by any server process),
// and a comment every 25 s so that proxies keep the connection open.
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { STATUS_CODES, STATUS_LABELS } from '../../../domain/dossier-lifecycle.machine.js';
import { callerOf } from '../../../plugins/app/accounts/auth.plugin.js';
import type { DossierRow } from '../../../plugins/app/dossiers/dossier-transitions.js';
import type { Payload } from '../../../plugins/app/live/notification-feed.js';
import { EVENT_STREAM_SCHEMA, serveEventStream, type EventStream } from './event-stream.js';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

const dossierStreamRoutes: FastifyPluginAsync = async (app) => {
  const { dossiers } = app.services;

  /** What each `dossier` event carries, read in one statement (one snapshot). */
  async function state(id: string) {
    const row = await app
      .db<DossierRow>('dossiers as d')
      .where('d.id', id)
      .first<{ status: DossierRow['status']; updated_at: Date; seq: number | null }>(
        'd.status',
        'd.updated_at',
        app.db.raw('(select max(seq) from dossier_events e where e.dossier_id = d.id) as seq'),
      );
    return stateOf(row!.status, row!.updated_at, Number(row!.seq ?? 0));
  }

  function stateOf(status: DossierRow['status'], updatedAt: Date, lastEventSeq: number) {
    return {
      status,
      statusCode: STATUS_CODES[status],
      statusLabel: STATUS_LABELS[status],
      updatedAt: updatedAt.toISOString(),
      lastEventSeq,
    };
  }

  /** The state an event's notification carries (migration 20261126030000); null: read it. */
  function stateOfPayload(payload: Payload | null) {
    const { seq, status, updatedAt } = payload ?? {};
    if (typeof seq !== 'number' || typeof status !== 'string' || typeof updatedAt !== 'string')
      return null;
    return stateOf(status as DossierRow['status'], new Date(updatedAt), seq);
  }

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/dossiers/:id/stream',
    {
      onRequest: app.requirePermission('dossiers.read'),
      // A HEAD request would hold a connection open with nothing to send.
      exposeHeadRoute: false,
      schema: {
        summary:
          'Theo dõi trạng thái hồ sơ trực tiếp (Server-Sent Events, sự kiện "dossier") / Live dossier status (Server-Sent Events, event "dossier")',
        description:
          'Each event `dossier` carries JSON { status, statusCode, statusLabel, updatedAt, lastEventSeq }; the id of the event is lastEventSeq.',
        tags: ['dossiers'],
        params: idParams,
        ...EVENT_STREAM_SCHEMA,
      },
    },
    async (request, reply) => {
      const { id } = await dossiers.visible(callerOf(request), request.params.id);
      let sentSeq = -1;
      // Events go out in seq order, each once: a read or a notification that
      // comes after a newer one was sent sends nothing.
      const send = (current: ReturnType<typeof stateOf>, stream: EventStream) => {
        if (current.lastEventSeq <= sentSeq) return;
        sentSeq = current.lastEventSeq;
        stream.send('dossier', current, sentSeq);
      };
      const push = async (stream: EventStream) => {
        try {
          send(await state(id), stream);
        } catch (error) {
          request.log.warn({ err: error, dossierId: id }, 'dossier stream read failed');
        }
      };
      await serveEventStream(request, reply, {
        subscribe: (subscriber) => app.dossierFeed.subscribe(id, subscriber),
        start: push,
        changed: (payload, stream) => {
          const carried = stateOfPayload(payload);
          if (carried) send(carried, stream);
          else void push(stream);
        },
      });
    },
  );
};

export default dossierStreamRoutes;
