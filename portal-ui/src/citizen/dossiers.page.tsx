// My dossiers: drafts to continue and filed dossiers with their status,
// newest first, fifty at a time.
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { formatDate } from '../i18n/format';
import { local, t, useLocale } from '../i18n/i18n';
import type { Procedure } from '../public/catalogue';
import { StatusBadge } from '../public/status-badge';
import { api } from '../shell/api';
import { ErrorMessage, Loading } from '../shell/feedback';
import { useResource } from '../shell/use-resource';
import type { Dossier } from './dossier-types';
import './dossier.messages';

const PAGE = 50;

function DossierItem({ dossier, procedures }: { dossier: Dossier; procedures: Procedure[] }) {
  const procedure = procedures.find((p) => p.id === dossier.procedureId);
  const draft = dossier.status === 'draft';
  return (
    <li className="card dossier-item">
      <h2 className="item-title">{procedure ? local(procedure.name) : t('dossier.title')}</h2>
      {dossier.code && <p className="dossier-code">{dossier.code}</p>}
      <p>
        <StatusBadge code={dossier.statusCode} label={dossier.statusLabel} />{' '}
        <span className="muted">
          {draft
            ? t('dossiers.updated', { date: formatDate(dossier.updatedAt) })
            : t('dossiers.submitted', { date: formatDate(dossier.submittedAt) })}
          {dossier.appointmentAt &&
            ` · ${t('dossiers.due', { date: formatDate(dossier.appointmentAt) })}`}
        </span>
      </p>
      <p>
        {draft ? (
          <Link href={`/drafts/${dossier.id}`} className="button">
            {t('dossiers.continue')}
          </Link>
        ) : (
          <Link href={`/dossiers/${dossier.id}`} className="button secondary">
            {t('dossiers.open')}
          </Link>
        )}
      </p>
    </li>
  );
}

export default function DossiersPage() {
  useLocale();
  const [pages, setPages] = useState(1);
  const [more, setMore] = useState<Dossier[]>([]);
  const [error, setError] = useState<unknown>(null);
  const first = useResource<Dossier[]>(`/dossiers?limit=${PAGE}`);
  const procedures = useResource<Procedure[]>('/procedures');
  const list = [...(first.data ?? []), ...more];

  useEffect(() => {
    if (pages === 1) return;
    api
      .get<Dossier[]>(`/dossiers?limit=${PAGE}&offset=${(pages - 1) * PAGE}`)
      .then((next) => setMore((shown) => [...shown, ...next]), setError);
  }, [pages]);

  return (
    <>
      <h1>{t('dossiers.title')}</h1>
      {first.loading && <Loading />}
      <ErrorMessage error={first.error ?? error} />
      {first.data && list.length === 0 && (
        <p>
          {t('dossiers.none')} <Link href="/">{t('dossiers.find')}</Link>
        </p>
      )}
      <ul className="plain-list">
        {list.map((dossier) => (
          <DossierItem key={dossier.id} dossier={dossier} procedures={procedures.data ?? []} />
        ))}
      </ul>
      {list.length === pages * PAGE && (
        <button type="button" className="secondary" onClick={() => setPages(pages + 1)}>
          {t('dossiers.more')}
        </button>
      )}
    </>
  );
}
