// The result document issued for a dossier, stored as a file the applicant
// and the agency download: an HTML page (Vietnamese text needs no embedded
// fonts) with the result number, date, signer, procedure and applicant, and
// where anyone can verify it.
import { toVietnamDate } from '../../../domain/working-calendar.js';
import type { DossierSummary } from './dossier-summary.js';

export interface ResultDocument {
  number: string;
  issuedAt: Date;
  signer: string;
  approved: boolean;
}

export const RESULT_CONTENT_TYPE = 'text/html; charset=utf-8';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A file name safe in any Content-Disposition, e.g. `ket-qua-000.00.12.G12-261122-0001-GP.html`. */
export function resultFileName(number: string): string {
  return `ket-qua-${number.replace(/[^A-Za-z0-9.-]+/g, '-')}.html`;
}

export function resultDocumentHtml(
  result: ResultDocument,
  dossier: DossierSummary,
  publicUrl: string,
): string {
  const [year, month, day] = toVietnamDate(result.issuedAt).split('-');
  const title = result.approved
    ? 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'
    : 'THÔNG BÁO TỪ CHỐI GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
  // The portal's verification page, which anyone can open from the printed link.
  const verifyUrl = `${publicUrl}/verify?number=${encodeURIComponent(result.number)}`;
  const rows: [string, string][] = [
    ['Số / Number', result.number],
    ['Ngày ban hành / Issued on', `${day}/${month}/${year}`],
    ['Cơ quan / Agency', `${dossier.agency.name.vi} / ${dossier.agency.name.en}`],
    [
      'Thủ tục / Procedure',
      `${dossier.procedure.code} – ${dossier.procedure.name.vi} / ${dossier.procedure.name.en}`,
    ],
    ['Mã hồ sơ / Dossier code', dossier.code ?? ''],
    ['Người nộp / Applicant', dossier.applicant.name],
    ['Người ký / Signed by', result.signer],
  ];
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${title} – ${result.number}`)}</title>
</head>
<body>
<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p>
<h1>${escapeHtml(title)}</h1>
<table>
${rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n')}
</table>
<p>Tra cứu tính xác thực / Verify: ${escapeHtml(verifyUrl)}</p>
</body>
</html>
`;
}
