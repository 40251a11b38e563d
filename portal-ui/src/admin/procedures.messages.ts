// Texts of the procedure pages (/admin/procedures), in Vietnamese and English.
import { addMessages } from '../i18n/i18n';
import './admin.messages';

addMessages({
  vi: {
    'procedures.title': 'Thủ tục hành chính',
    'procedures.intro':
      'Các thủ tục đang áp dụng. Chọn một thủ tục để xem các phiên bản, gắn biểu mẫu và quy trình cho bản nháp, rồi công bố.',
    'procedures.none': 'Chưa có thủ tục nào được công bố.',
    'procedures.tableLabel': 'Thủ tục đang áp dụng',
    'procedures.col.code': 'Mã thủ tục',
    'procedures.col.name': 'Tên thủ tục',
    'procedures.col.version': 'Phiên bản đang áp dụng',
    'procedures.versionsTitle': 'Phiên bản thủ tục',
    'procedures.versionsOf': 'Phiên bản của thủ tục {code}',
    'procedures.back': '← Thủ tục hành chính',
    'procedures.versions.tableLabel': 'Các phiên bản',
    'procedures.col.versionNo': 'Phiên bản',
    'procedures.col.status': 'Trạng thái',
    'procedures.col.form': 'Biểu mẫu',
    'procedures.col.process': 'Quy trình BPMN',
    'procedures.col.publishedAt': 'Ngày công bố',
    'procedures.col.actions': 'Thao tác',
    'procedures.status.draft': 'Bản nháp',
    'procedures.status.published': 'Đang áp dụng',
    'procedures.status.retired': 'Đã thay thế',
    'procedures.publish': 'Công bố phiên bản {version}',
    'procedures.published':
      'Đã công bố phiên bản {version}; phiên bản trước không còn áp dụng cho hồ sơ mới.',
    'procedures.copy': 'Tạo bản nháp mới từ phiên bản {version}',
    'procedures.copied': 'Đã tạo bản nháp phiên bản {version}.',
    'procedures.bind': 'Gắn biểu mẫu và quy trình cho phiên bản {version}',
    'procedures.bind.form': 'Biểu mẫu kê khai',
    'procedures.bind.formVersion': 'Phiên bản biểu mẫu',
    'procedures.bind.process': 'Mã quy trình BPMN (bpmnProcessId)',
    'procedures.bind.processHint':
      'Mã của quy trình đã triển khai, ví dụ groundwater-exploration-licence.',
    'procedures.bind.save': 'Lưu liên kết',
    'procedures.bound': 'Đã gắn biểu mẫu {form} và quy trình {process} cho phiên bản {version}.',
    'procedures.bind.draft': 'Phiên bản nháp',
    'procedures.bind.noDraft':
      'Chưa có bản nháp. Tạo bản nháp mới từ một phiên bản để đổi biểu mẫu hoặc quy trình.',
  },
  en: {
    'procedures.title': 'Procedures',
    'procedures.intro':
      'The procedures in force. Choose one to see its versions, bind a form and a process to a draft, then publish it.',
    'procedures.none': 'No procedure is published yet.',
    'procedures.tableLabel': 'Procedures in force',
    'procedures.col.code': 'Code',
    'procedures.col.name': 'Name',
    'procedures.col.version': 'Version in force',
    'procedures.versionsTitle': 'Procedure versions',
    'procedures.versionsOf': 'Versions of procedure {code}',
    'procedures.back': '← Procedures',
    'procedures.versions.tableLabel': 'Versions',
    'procedures.col.versionNo': 'Version',
    'procedures.col.status': 'Status',
    'procedures.col.form': 'Form',
    'procedures.col.process': 'BPMN process',
    'procedures.col.publishedAt': 'Published',
    'procedures.col.actions': 'Actions',
    'procedures.status.draft': 'Draft',
    'procedures.status.published': 'In force',
    'procedures.status.retired': 'Replaced',
    'procedures.publish': 'Publish version {version}',
    'procedures.published':
      'Version {version} published; the previous version no longer applies to new dossiers.',
    'procedures.copy': 'New draft from version {version}',
    'procedures.copied': 'Draft version {version} created.',
    'procedures.bind': 'Bind a form and a process to version {version}',
    'procedures.bind.form': 'Filing form',
    'procedures.bind.formVersion': 'Form version',
    'procedures.bind.process': 'BPMN process id (bpmnProcessId)',
    'procedures.bind.processHint':
      'The id of a deployed process, e.g. groundwater-exploration-licence.',
    'procedures.bind.save': 'Save the binding',
    'procedures.bound': 'Form {form} and process {process} bound to version {version}.',
    'procedures.bind.draft': 'Draft version',
    'procedures.bind.noDraft':
      'No draft yet. Create a new draft from a version to change its form or process.',
  },
});
