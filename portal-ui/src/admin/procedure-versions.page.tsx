// /admin/procedures/:code — the versions of one procedure: publish a draft,
// start a new draft from any version, bind a form and a process to a draft.
import { useState } from 'react';
import { Link } from 'wouter';
import { formatDate } from '../i18n/format';
import { local, t } from '../i18n/i18n';
import { api } from '../shell/api';
import { ActionStatus, notice, type Notice } from '../shell/action-status';
import { ErrorMessage, Field, Loading } from '../shell/feedback';
import type { PageProps } from '../shell/page-route';
import { TableRegion } from '../shell/table-region';
import { useResource } from '../shell/use-resource';
import {
  definitionOf,
  ProcedureBindingForm,
  type ProcedureVersion,
} from './procedure-binding-form';
import { useAction } from './use-action';
import './admin.css';
import './procedures.messages';

export default function ProcedureVersionsPage({ params }: PageProps) {
  const code = params.code ?? '';
  const versions = useResource<ProcedureVersion[]>(`/procedures/${code}/versions`);
  const [message, setMessage] = useState<Notice | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const { error, busy, run } = useAction();
  const list = versions.data ?? [];
  const drafts = list.filter((v) => v.status === 'draft');
  const draft = drafts.find((v) => v.version === chosen) ?? drafts[drafts.length - 1];
  const latest = list[list.length - 1];

  async function act(text: Notice, action: () => Promise<unknown>) {
    if (await run(action)) {
      setMessage(text);
      await versions.reload();
    } else {
      setMessage(null);
    }
  }

  const publish = (v: ProcedureVersion) =>
    act(notice('procedures.published', { version: v.version }), () =>
      api.post(`/procedures/${code}/versions/${v.version}/publish`),
    );
  const copy = (v: ProcedureVersion) =>
    act(notice('procedures.copied', { version: list.length + 1 }), () =>
      api.post('/procedures', definitionOf(v)),
    );

  return (
    <section>
      <p>
        <Link href="/admin/procedures">{t('procedures.back')}</Link>
      </p>
      <h1>{t('procedures.versionsOf', { code })}</h1>
      {latest && <p>{local(latest.name)}</p>}
      <ActionStatus notice={message} />
      <ErrorMessage error={versions.error ?? error} />
      {!versions.data && !versions.error && <Loading />}
      {list.length > 0 && (
        <TableRegion label={t('procedures.versions.tableLabel')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('procedures.col.versionNo')}</th>
                <th scope="col">{t('procedures.col.status')}</th>
                <th scope="col">{t('procedures.col.form')}</th>
                <th scope="col">{t('procedures.col.process')}</th>
                <th scope="col">{t('procedures.col.publishedAt')}</th>
                <th scope="col">{t('procedures.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => (
                <tr key={v.id}>
                  <td>{v.version}</td>
                  <td>{t(`procedures.status.${v.status}`)}</td>
                  <td>
                    {v.form.id}.v{v.form.version}
                  </td>
                  <td>{v.bpmnProcessId}</td>
                  <td>{formatDate(v.publishedAt)}</td>
                  <td>
                    <div className="row-actions">
                      {v.status === 'draft' && (
                        <button type="button" disabled={busy} onClick={() => void publish(v)}>
                          {t('procedures.publish', { version: v.version })}
                        </button>
                      )}
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        onClick={() => void copy(v)}
                      >
                        {t('procedures.copy', { version: v.version })}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {versions.data && (
        <section aria-labelledby="binding" className="card">
          <h2 id="binding">
            {draft ? t('procedures.bind', { version: draft.version }) : t('procedures.bind.draft')}
          </h2>
          {!draft && <p>{t('procedures.bind.noDraft')}</p>}
          {drafts.length > 1 && (
            <Field label={t('procedures.bind.draft')}>
              {(props) => (
                <select
                  {...props}
                  value={draft?.version ?? ''}
                  onChange={(e) => setChosen(Number(e.target.value))}
                >
                  {drafts.map((d) => (
                    <option key={d.version} value={d.version}>
                      {d.version}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {draft && (
            <ProcedureBindingForm
              key={`${draft.id}-${draft.form.id}-${draft.form.version}-${draft.bpmnProcessId}`}
              draft={draft}
              processIds={[...new Set(list.map((v) => v.bpmnProcessId))]}
              onSaved={(text) => {
                setMessage(text);
                void versions.reload();
              }}
            />
          )}
        </section>
      )}
    </section>
  );
}
