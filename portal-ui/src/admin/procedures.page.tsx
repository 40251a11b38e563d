// /admin/procedures — the published procedures, each linked to its versions.
import { Link } from 'wouter';
import { local, t, type LocalText } from '../i18n/i18n';
import { ErrorMessage, Loading } from '../shell/feedback';
import { TableRegion } from '../shell/table-region';
import { useResource } from '../shell/use-resource';
import './admin.css';
import './procedures.messages';

interface ProcedureSummary {
  id: string;
  code: string;
  version: number;
  name: LocalText;
}

export default function ProceduresPage() {
  const procedures = useResource<ProcedureSummary[]>('/procedures');
  return (
    <section>
      <h1>{t('procedures.title')}</h1>
      <p>{t('procedures.intro')}</p>
      <ErrorMessage error={procedures.error} />
      {!procedures.data && !procedures.error && <Loading />}
      {procedures.data?.length === 0 && <p>{t('procedures.none')}</p>}
      {procedures.data && procedures.data.length > 0 && (
        <TableRegion label={t('procedures.tableLabel')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('procedures.col.code')}</th>
                <th scope="col">{t('procedures.col.name')}</th>
                <th scope="col">{t('procedures.col.version')}</th>
              </tr>
            </thead>
            <tbody>
              {procedures.data.map((procedure) => (
                <tr key={procedure.id}>
                  <td>
                    <Link href={`/admin/procedures/${procedure.code}`}>{procedure.code}</Link>
                  </td>
                  <td>{local(procedure.name)}</td>
                  <td>{procedure.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
