// One procedure as published: what it is for, the documents to attach, fees,
// processing time, service level, where to apply, and the way to file online.
import { Link } from 'wouter';
import { formatBytes, formatMoney } from '../i18n/format';
import { local, t, useLocale } from '../i18n/i18n';
import { ErrorMessage, Loading } from '../shell/feedback';
import type { PageProps } from '../shell/page-route';
import { isApplicant, useSession } from '../shell/session';
import { useResource } from '../shell/use-resource';
import { agencyName, processingTime, typeList, type Agency, type Procedure } from './catalogue';

export default function ProcedurePage({ params }: PageProps) {
  useLocale();
  const { account } = useSession();
  const procedure = useResource<Procedure>(`/procedures/${params.code ?? ''}`);
  const agencies = useResource<Agency[]>('/agencies');
  const p = procedure.data;

  if (!p) {
    return (
      <>
        <h1>{t('procedure.title')}</h1>
        {procedure.loading ? <Loading /> : <ErrorMessage error={procedure.error} />}
      </>
    );
  }
  const fileHref = `/file/${p.code}`;
  return (
    <article>
      <p className="no-print">
        <Link href="/">{t('procedure.back')}</Link>
      </p>
      <h1>{local(p.name)}</h1>
      <dl className="facts card">
        <dt>{t('procedure.code')}</dt>
        <dd>{p.code}</dd>
        <dt>{t('procedure.field')}</dt>
        <dd>{local(p.field)}</dd>
        <dt>{t('procedure.agency')}</dt>
        <dd>{agencyName(agencies.data, p.agencyCode)}</dd>
        <dt>{t('procedure.mode')}</dt>
        <dd>{t(`mode.${p.mode}`)}</dd>
        <dt>{t('procedure.time')}</dt>
        <dd>{processingTime(p)}</dd>
        <dt>{t('procedure.result')}</dt>
        <dd>{local(p.resultType)}</dd>
        {p.whereToApply && (
          <>
            <dt>{t('procedure.where')}</dt>
            <dd>{local(p.whereToApply)}</dd>
          </>
        )}
      </dl>

      <div className="actions">
        <Link href={fileHref} className="button">
          {t('procedure.fileOnline')}
        </Link>
      </div>
      {!isApplicant(account) && <p className="hint">{t('procedure.fileHint')}</p>}

      {p.description && (
        <section aria-labelledby="procedure-description">
          <h2 id="procedure-description">{t('procedure.description')}</h2>
          <p>{local(p.description)}</p>
        </section>
      )}

      <section aria-labelledby="procedure-documents">
        <h2 id="procedure-documents">{t('procedure.documents')}</h2>
        <ul className="plain-list">
          {p.documents.map((d) => (
            <li key={d.key} className="card">
              <h3>{local(d.name)}</h3>
              <p>
                <span className={d.required ? 'badge badge-bad' : 'badge badge-info'}>
                  {t(d.required ? 'document.required' : 'document.optional')}
                </span>
                {d.signatureRequired && (
                  <span className="badge badge-warn">{t('document.signed')}</span>
                )}
              </p>
              <dl className="facts">
                <dt>{t('document.types')}</dt>
                <dd>{typeList(d.acceptedTypes)}</dd>
                <dt>{t('document.maxSize')}</dt>
                <dd>{formatBytes(d.maxSizeMb * 1024 * 1024)}</dd>
                <dt>{t('document.copies')}</dt>
                <dd>{d.copies ?? 1}</dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="procedure-fees">
        <h2 id="procedure-fees">{t('procedure.fees')}</h2>
        {p.fees.length === 0 ? (
          <p>{t('procedure.noFee')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('fee.name')}</th>
                  <th scope="col">{t('fee.kind')}</th>
                  <th scope="col">{t('fee.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {p.fees.map((fee) => (
                  <tr key={fee.name.vi}>
                    <td>{local(fee.name)}</td>
                    <td>{t(`fee.${fee.kind}`)}</td>
                    <td className="number">{formatMoney(fee.amountVnd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
