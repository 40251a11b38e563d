// Every text of the modeler, Vietnamese first, English second. `{name}` in a
// text is replaced by the parameter of that name.
import { createContext, useContext } from 'react';

export type Locale = 'vi' | 'en';

export interface Localized {
  vi: string;
  en: string;
}

const vi = {
  'app.title': 'motcua — Thiết kế quy trình',
  'app.loading': 'Đang tải…',
  'app.skipToDiagram': 'Bỏ qua đến sơ đồ',
  'header.switchLanguage': 'English',
  'header.switchLanguageHint': 'Switch to English',
  'header.signedInAs': 'Cán bộ: {name}',
  'header.signOut': 'Đăng xuất',
  'signIn.title': 'Đăng nhập',
  'signIn.intro': 'Công cụ dành cho cán bộ phân tích quy trình và quản trị viên.',
  'signIn.email': 'Thư điện tử',
  'signIn.password': 'Mật khẩu',
  'signIn.submit': 'Đăng nhập',
  'signIn.forbidden':
    'Tài khoản {email} không có quyền thiết kế quy trình: chỉ cán bộ phân tích quy trình hoặc quản trị viên được dùng công cụ này. Hãy đăng xuất và đăng nhập bằng tài khoản phù hợp.',
  'picker.label': 'Thủ tục',
  'picker.placeholder': '— Chọn thủ tục —',
  'picker.draft': '(bản nháp)',
  'toolbar.label': 'Thao tác với sơ đồ',
  'toolbar.open': 'Mở',
  'toolbar.template': 'Mẫu quy trình chuẩn',
  'toolbar.download': 'Tải BPMN',
  'toolbar.deploy': 'Triển khai',
  'toolbar.formPreview': 'Xem biểu mẫu',
  'toolbar.versions': 'Phiên bản',
  'diagram.heading': 'Sơ đồ quy trình',
  'diagram.editing': 'Đang sửa {processId}, dựa trên phiên bản {version}',
  'diagram.editingNew': 'Đang sửa {processId}, chưa triển khai',
  'diagram.empty': 'Chưa mở sơ đồ nào.',
  'diagram.unsaved': 'Có thay đổi chưa triển khai',
  'properties.heading': 'Thuộc tính',
  'lint.heading': 'Kiểm tra tương thích Camunda 8',
  'lint.summary': '{errors} lỗi, {warnings} cảnh báo',
  'lint.none': 'Không có lỗi hay cảnh báo.',
  'lint.error': 'Lỗi',
  'lint.warn': 'Cảnh báo',
  'lint.info': 'Thông tin',
  'lint.process': 'Quy trình',
  'versions.heading': 'Các phiên bản đã triển khai',
  'versions.caption': 'Phiên bản của {processId}, mới nhất trước',
  'versions.version': 'Phiên bản',
  'versions.key': 'Khóa định nghĩa quy trình',
  'versions.source': 'Nguồn',
  'versions.deployedBy': 'Người triển khai',
  'versions.deployedAt': 'Thời điểm triển khai',
  'versions.system': 'Hệ thống',
  'versions.fromModeler': 'Công cụ thiết kế',
  'versions.fromFile': 'Tệp trong processes/',
  'versions.none': 'Chưa có phiên bản nào được triển khai.',
  'versions.loading': 'Đang tải danh sách phiên bản…',
  'versions.failed': 'Không tải được danh sách phiên bản.',
  'common.close': 'Đóng',
  'common.cancel': 'Hủy',
  'deploy.confirmTitle': 'Triển khai khi sơ đồ còn lỗi?',
  'deploy.confirmBody':
    'Kiểm tra sơ đồ còn {errors} lỗi. Máy chủ có thể từ chối sơ đồ, hoặc quy trình chạy sai. Bạn vẫn muốn triển khai?',
  'deploy.confirm': 'Vẫn triển khai',
  'deploy.running': 'Đang triển khai…',
  'deploy.done': 'Đã triển khai phiên bản {version}',
  'problems.heading': 'Các vấn đề máy chủ nêu',
  'open.running': 'Đang mở quy trình…',
  'open.done': 'Đã mở {processId}, phiên bản {version}.',
  'open.notDeployed':
    'Thủ tục này chưa có quy trình được triển khai: hãy bắt đầu từ mẫu quy trình chuẩn.',
  'unsaved.title': 'Bỏ các thay đổi chưa triển khai?',
  'unsaved.body':
    'Sơ đồ đang mở có thay đổi chưa được triển khai. Nếu tiếp tục, các thay đổi này sẽ mất (bạn có thể Tải BPMN để giữ lại trước).',
  'unsaved.discard': 'Bỏ thay đổi',
  'template.title': 'Bắt đầu từ mẫu quy trình chuẩn',
  'template.intro':
    'Tạo sơ đồ mới theo quy trình chuẩn của thủ tục hành chính (tiếp nhận, bổ sung, xử lý, trả kết quả). Sơ đồ đang mở sẽ được thay thế.',
  'template.processId': 'Mã quy trình (bpmnProcessId)',
  'template.processIdHint': 'Chữ cái, chữ số, dấu gạch ngang; trùng mã quy trình của thủ tục.',
  'template.name': 'Tên quy trình',
  'template.create': 'Tạo sơ đồ',
  'template.done': 'Đã tạo sơ đồ {processId} từ mẫu quy trình chuẩn; sơ đồ chưa được triển khai.',
  'preview.title': 'Xem trước biểu mẫu: {title}',
  'preview.loading': 'Đang tải biểu mẫu…',
  'preview.note':
    'Biểu mẫu {formId}, phiên bản {version}, hiển thị như công dân nhìn thấy. Dữ liệu nhập ở đây không được gửi đi.',
  'download.done': 'Đã tải tệp {file}.',
  'error.unexpected': 'Không kết nối được máy chủ hoặc máy chủ gặp lỗi; vui lòng thử lại.',
  'error.noProcedure': 'Hãy chọn một thủ tục trước.',
  'error.noDiagram': 'Chưa có sơ đồ nào đang mở.',
  'error.invalidXml': 'Không đọc được sơ đồ BPMN: {reason}',
  'error.templates':
    'Không tải được mẫu phần tử (element templates): các tác vụ dùng mẫu sẽ không hiện đủ thuộc tính.',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.title': 'motcua — Process designer',
  'app.loading': 'Loading…',
  'app.skipToDiagram': 'Skip to the diagram',
  'header.switchLanguage': 'Tiếng Việt',
  'header.switchLanguageHint': 'Chuyển sang tiếng Việt',
  'header.signedInAs': 'Analyst: {name}',
  'header.signOut': 'Sign out',
  'signIn.title': 'Sign in',
  'signIn.intro': 'For business analysts and administrators.',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.forbidden':
    'The account {email} may not design processes: only business analysts and administrators may use this tool. Sign out and sign in with a suitable account.',
  'picker.label': 'Procedure',
  'picker.placeholder': '— Choose a procedure —',
  'picker.draft': '(draft)',
  'toolbar.label': 'Diagram actions',
  'toolbar.open': 'Open',
  'toolbar.template': 'Start from template',
  'toolbar.download': 'Download BPMN',
  'toolbar.deploy': 'Deploy',
  'toolbar.formPreview': 'Form preview',
  'toolbar.versions': 'Versions',
  'diagram.heading': 'Process diagram',
  'diagram.editing': 'Editing {processId}, based on version {version}',
  'diagram.editingNew': 'Editing {processId}, not deployed yet',
  'diagram.empty': 'No diagram open.',
  'diagram.unsaved': 'Changes not deployed',
  'properties.heading': 'Properties',
  'lint.heading': 'Camunda 8 compatibility check',
  'lint.summary': '{errors} errors, {warnings} warnings',
  'lint.none': 'No errors or warnings.',
  'lint.error': 'Error',
  'lint.warn': 'Warning',
  'lint.info': 'Info',
  'lint.process': 'Process',
  'versions.heading': 'Deployed versions',
  'versions.caption': 'Versions of {processId}, newest first',
  'versions.version': 'Version',
  'versions.key': 'Process definition key',
  'versions.source': 'Source',
  'versions.deployedBy': 'Deployed by',
  'versions.deployedAt': 'Deployed at',
  'versions.system': 'System',
  'versions.fromModeler': 'Modeler',
  'versions.fromFile': 'File in processes/',
  'versions.none': 'No version deployed yet.',
  'versions.loading': 'Loading the versions…',
  'versions.failed': 'The versions could not be loaded.',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'deploy.confirmTitle': 'Deploy a diagram with errors?',
  'deploy.confirmBody':
    'The diagram check found {errors} errors. The server may reject the diagram, or the process may run wrongly. Deploy anyway?',
  'deploy.confirm': 'Deploy anyway',
  'deploy.running': 'Deploying…',
  'deploy.done': 'Deployed version {version}',
  'problems.heading': 'Problems the server found',
  'open.running': 'Opening the process…',
  'open.done': 'Opened {processId}, version {version}.',
  'open.notDeployed': 'This procedure has no deployed process yet: start from the template.',
  'unsaved.title': 'Discard changes not deployed?',
  'unsaved.body':
    'The open diagram has changes that were not deployed. If you go on, they are lost (use Download BPMN first to keep them).',
  'unsaved.discard': 'Discard changes',
  'template.title': 'Start from the standard procedure template',
  'template.intro':
    'Creates a new diagram from the standard flow of an administrative procedure (reception, supplement, processing, result). The open diagram is replaced.',
  'template.processId': 'Process id (bpmnProcessId)',
  'template.processIdHint': "Letters, digits, hyphens; the procedure's process id.",
  'template.name': 'Process name',
  'template.create': 'Create diagram',
  'template.done': 'Created {processId} from the standard template; it is not deployed yet.',
  'preview.title': 'Form preview: {title}',
  'preview.loading': 'Loading the form…',
  'preview.note':
    'Form {formId}, version {version}, as a citizen sees it. Nothing entered here is sent.',
  'download.done': 'Downloaded {file}.',
  'error.unexpected': 'The server could not be reached or failed; please try again.',
  'error.noProcedure': 'Choose a procedure first.',
  'error.noDiagram': 'No diagram is open.',
  'error.invalidXml': 'The BPMN diagram could not be read: {reason}',
  'error.templates':
    'The element templates could not be loaded: templated tasks will not show all their properties.',
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { vi, en };

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/MM/yyyy HH:mm in Vietnam's time, whatever the browser's zone. */
export function formatDateTime(iso: string): string {
  const parts = Object.fromEntries(
    dateTimeParts.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: Params) => string;
  /** The text of a server message `{ vi, en }` in the current language. */
  pick: (text: Localized) => string;
}

export function createI18n(locale: Locale): I18n {
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    pick: (text) => text[locale],
  };
}

export const I18nContext = createContext<I18n>(createI18n('vi'));

export const useI18n = (): I18n => useContext(I18nContext);
