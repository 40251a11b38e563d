// The cashier's list: dossiers waiting for their fee (status 6), each linked
// to its page where the payment is recorded.
import { Link } from 'wouter';
import { formatDate } from '../i18n/format';
import { t } from '../i18n/i18n';
import { ErrorMessage } from '../shell/feedback';
import { TableRegion } from '../shell/table-region';
import { useResource } from '../shell/use-resource';
import { applicantName, type Dossier } from './api-types';
import { Pending } from './pending';
import './worklist.messages';

export function FeesDue() {
  const dossiers = useResource<Dossier[]>('/dossiers?status=fees_due&limit=200');
  return (
    <section aria-labelledby="fees-due">
      <h2 id="fees-due">{t('worklist.feesDue')}</h2>
      <ErrorMessage error={dossiers.error} />
      {!dossiers.data ? (
        !dossiers.error && <Pending />
      ) : dossiers.data.length === 0 ? (
        <p>{t('worklist.feesDue.none')}</p>
      ) : (
        <TableRegion label={t('worklist.feesDue.tableLabel')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('worklist.col.dossier')}</th>
                <th scope="col">{t('worklist.col.applicant')}</th>
                <th scope="col">{t('worklist.col.appointment')}</th>
              </tr>
            </thead>
            <tbody>
              {dossiers.data.map((dossier) => (
                <tr key={dossier.id} data-testid="fee-row">
                  <td>
                    <Link href={`/work/dossiers/${dossier.id}`}>{dossier.code}</Link>
                  </td>
                  <td>{applicantName(dossier.formData)}</td>
                  <td>{formatDate(dossier.appointmentAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
