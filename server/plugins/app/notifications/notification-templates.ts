// Message templates, Vietnamese and English. `{name}` placeholders are filled
// from the variables given when a message is queued.
export type Locale = 'vi' | 'en';

interface Template {
  subject: Record<Locale, string>;
  body: Record<Locale, string>;
}

export const TEMPLATES = {
  'account.verify-email': {
    subject: {
      vi: 'motcua: xác nhận địa chỉ thư điện tử',
      en: 'motcua: confirm your email address',
    },
    body: {
      vi: 'Chào {fullName},\n\nVui lòng xác nhận địa chỉ thư điện tử bằng mã sau (hiệu lực 24 giờ):\n{token}\n\nHoặc mở: {link}',
      en: 'Hello {fullName},\n\nConfirm your email address with this code (valid for 24 hours):\n{token}\n\nOr open: {link}',
    },
  },
  'account.reset-password': {
    subject: { vi: 'motcua: đặt lại mật khẩu', en: 'motcua: reset your password' },
    body: {
      vi: 'Chào {fullName},\n\nMã đặt lại mật khẩu (dùng một lần, hiệu lực 1 giờ):\n{token}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.',
      en: 'Hello {fullName},\n\nYour one-time password reset code (valid for 1 hour):\n{token}\n\nIf you did not ask for it, ignore this message.',
    },
  },
  'organisation.accepted': {
    subject: {
      vi: 'motcua: tài khoản tổ chức đã được xác minh',
      en: 'motcua: your organisation account is verified',
    },
    body: {
      vi: 'Tài khoản của {organisationName} đã được xác minh. Bạn có thể đăng nhập và nộp hồ sơ.',
      en: 'The account of {organisationName} is verified. You can now log in and file dossiers.',
    },
  },
  'organisation.refused': {
    subject: {
      vi: 'motcua: tài khoản tổ chức không được xác minh',
      en: 'motcua: your organisation account was not verified',
    },
    body: {
      vi: 'Tài khoản của {organisationName} không được xác minh. Lý do: {reasons}',
      en: 'The account of {organisationName} was not verified. Reasons: {reasons}',
    },
  },
  'dossier.submitted': {
    subject: { vi: 'motcua: đã nhận hồ sơ {code}', en: 'motcua: dossier {code} submitted' },
    body: {
      vi: 'Hồ sơ {code} ({procedureName}) đã được nộp lúc {submittedAt}. Bạn có thể tra cứu tình trạng bằng mã hồ sơ.',
      en: 'Dossier {code} ({procedureName}) was submitted at {submittedAt}. Track its status with the dossier code.',
    },
  },
  'dossier.received': {
    subject: {
      vi: 'motcua: hồ sơ {code} đã được tiếp nhận',
      en: 'motcua: dossier {code} received',
    },
    body: {
      vi: 'Hồ sơ {code} đã được tiếp nhận. Ngày hẹn trả kết quả: {appointmentAt}.',
      en: 'Dossier {code} was received. Result due by: {appointmentAt}.',
    },
  },
  'dossier.supplement-requested': {
    subject: {
      vi: 'motcua: hồ sơ {code} cần bổ sung',
      en: 'motcua: dossier {code} needs more documents',
    },
    body: {
      vi: 'Hồ sơ {code} cần bổ sung: {items}. Hạn bổ sung: {deadline}.',
      en: 'Dossier {code} needs: {items}. Supplement by: {deadline}.',
    },
  },
  'dossier.supplement-expired': {
    subject: {
      vi: 'motcua: hồ sơ {code} quá hạn bổ sung',
      en: 'motcua: dossier {code} supplement deadline passed',
    },
    body: {
      vi: 'Hồ sơ {code} không được bổ sung trong thời hạn nên đã dừng giải quyết.',
      en: 'Dossier {code} was not supplemented in time and is closed.',
    },
  },
  'dossier.refused': {
    subject: {
      vi: 'motcua: hồ sơ {code} không được tiếp nhận',
      en: 'motcua: dossier {code} not received',
    },
    body: {
      vi: 'Hồ sơ {code} không được tiếp nhận. Lý do: {reasons}',
      en: 'Dossier {code} was not received. Reasons: {reasons}',
    },
  },
  'dossier.fee-requested': {
    subject: {
      vi: 'motcua: nộp phí, lệ phí cho hồ sơ {code}',
      en: 'motcua: fees due for dossier {code}',
    },
    body: {
      vi: 'Vui lòng nộp {amount} ₫ phí, lệ phí cho hồ sơ {code}.',
      en: 'Please pay {amount} VND in fees for dossier {code}.',
    },
  },
  'dossier.result-issued': {
    subject: {
      vi: 'motcua: hồ sơ {code} đã có kết quả',
      en: 'motcua: dossier {code} has a result',
    },
    body: {
      vi: 'Hồ sơ {code} đã được giải quyết, số văn bản kết quả {resultNumber}.',
      en: 'Dossier {code} is processed; result document {resultNumber}.',
    },
  },
  'dossier.result-returned': {
    subject: {
      vi: 'motcua: đã trả kết quả hồ sơ {code}',
      en: 'motcua: result of dossier {code} returned',
    },
    body: {
      vi: 'Kết quả hồ sơ {code} đã được trả ({channel}). Mời bạn đánh giá mức độ hài lòng.',
      en: 'The result of dossier {code} was returned ({channel}). Please rate the service.',
    },
  },
  'dossier.apology': {
    subject: {
      vi: 'motcua: thư xin lỗi về hồ sơ {code}',
      en: 'motcua: apology about dossier {code}',
    },
    body: {
      vi: 'Cơ quan xin lỗi vì hồ sơ {code} chưa thể trả đúng hẹn. Ngày hẹn mới: {appointmentAt}.',
      en: 'We apologise: dossier {code} will be late. New appointment: {appointmentAt}.',
    },
  },
  'appraisal-near-due': {
    subject: {
      vi: 'motcua: thẩm định hồ sơ {code} sắp đến hạn',
      en: 'motcua: appraisal of dossier {code} nearly due',
    },
    body: {
      vi: 'Việc thẩm định hồ sơ {code} ({element}) sắp đến hạn; đề nghị đôn đốc.',
      en: 'The appraisal of dossier {code} ({element}) is nearly due; please follow it up.',
    },
  },
  'task.escalation': {
    subject: { vi: 'motcua: hồ sơ {code} sắp đến hạn', en: 'motcua: dossier {code} is nearly due' },
    body: {
      vi: 'Bước {element} của hồ sơ {code} sắp đến hạn xử lý.',
      en: 'Step {element} of dossier {code} is nearly due.',
    },
  },
} satisfies Record<string, Template>;

export type TemplateName = keyof typeof TEMPLATES;

export function render(
  name: TemplateName,
  locale: Locale,
  variables: Record<string, string>,
): { subject: string; body: string } {
  const template: Template = TEMPLATES[name];
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => variables[key] ?? '');
  return { subject: fill(template.subject[locale]), body: fill(template.body[locale]) };
}
