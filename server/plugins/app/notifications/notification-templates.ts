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
