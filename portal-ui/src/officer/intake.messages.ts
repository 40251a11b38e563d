// Texts of counter intake (/work/intake), in Vietnamese and English.
import { addMessages } from '../i18n/i18n';
import './officer.messages';

addMessages({
  vi: {
    'intake.title': 'Tiếp nhận hồ sơ trực tiếp',
    'intake.intro':
      'Đăng ký hồ sơ nộp tại quầy hoặc qua bưu chính cho người nộp đã có tài khoản. Nhập nội dung theo đơn giấy; bản giấy các thành phần hồ sơ được kiểm tra tại quầy.',
    'intake.procedure': 'Thủ tục',
    'intake.procedure.choose': '— Chọn thủ tục —',
    'intake.channel': 'Hình thức nộp',
    'intake.channel.1': 'Trực tiếp tại quầy',
    'intake.channel.3': 'Qua dịch vụ bưu chính',
    'intake.applicant': 'Số định danh cá nhân hoặc mã số thuế của người nộp',
    'intake.applicant.hint': 'Số định danh 12 chữ số, hoặc mã số thuế 10 hoặc 13 chữ số.',
    'intake.applicant.invalid':
      'Nhập số định danh 12 chữ số hoặc mã số thuế 10 hoặc 13 chữ số (ví dụ 0102030405 hoặc 0102030405-001).',
    'intake.submit': 'Tiếp nhận hồ sơ',
    'intake.done': 'Đã đăng ký hồ sơ mã {code}.',
    'intake.done.next': 'Bước tiếp theo:',
    'intake.done.check': 'Kiểm tra tính đầy đủ ({task}) để hẹn ngày trả kết quả',
    'intake.done.waitingTask': 'Đang tạo công việc kiểm tra hồ sơ…',
    'intake.done.receipt': 'In giấy tiếp nhận và hẹn trả kết quả',
    'intake.done.another': 'Tiếp nhận hồ sơ khác',
  },
  en: {
    'intake.title': 'Counter intake',
    'intake.intro':
      'Register a walk-in or postal dossier for an applicant who has an account. Enter the paper application; the paper documents are checked at the counter.',
    'intake.procedure': 'Procedure',
    'intake.procedure.choose': '— Choose a procedure —',
    'intake.channel': 'Channel',
    'intake.channel.1': 'At the counter',
    'intake.channel.3': 'By post',
    'intake.applicant': 'Applicant’s citizen ID or tax code',
    'intake.applicant.hint': 'A 12-digit citizen ID, or a 10- or 13-digit tax code.',
    'intake.applicant.invalid':
      'Enter a 12-digit citizen ID or a 10- or 13-digit tax code (e.g. 0102030405 or 0102030405-001).',
    'intake.submit': 'Register the dossier',
    'intake.done': 'Dossier {code} registered.',
    'intake.done.next': 'Next:',
    'intake.done.check': 'Check completeness ({task}) to set the result date',
    'intake.done.waitingTask': 'Creating the completeness check…',
    'intake.done.receipt': 'Print the receipt and appointment slip',
    'intake.done.another': 'Register another dossier',
  },
});
