// Texts of the holiday calendar (/admin/calendar), in Vietnamese and English.
import { addMessages } from '../i18n/i18n';
import './admin.messages';

addMessages({
  vi: {
    'calendar.title': 'Lịch ngày nghỉ và ngày làm bù',
    'calendar.intro':
      'Hạn xử lý hồ sơ được tính theo ngày làm việc: bỏ qua các ngày nghỉ dưới đây, tính thêm ngày làm bù. Năm chưa nhập có Tết Nguyên đán và Giỗ Tổ Hùng Vương được tính theo âm lịch.',
    'calendar.year': 'Năm',
    'calendar.show': 'Xem năm',
    'calendar.entries': 'Các ngày của năm {year}',
    'calendar.none': 'Chưa có ngày nào trong năm này.',
    'calendar.tableLabel': 'Ngày nghỉ và ngày làm bù năm {year}',
    'calendar.date': 'Ngày',
    'calendar.kind': 'Loại ngày',
    'calendar.kind.holiday': 'Ngày nghỉ',
    'calendar.kind.make_up_working_day': 'Ngày làm bù',
    'calendar.nameVi': 'Tên tiếng Việt',
    'calendar.nameEn': 'Tên tiếng Anh',
    'calendar.rowLabel': 'Dòng {n}: {field}',
    'calendar.remove': 'Xoá dòng {n}',
    'calendar.removeShort': 'Xoá',
    'calendar.add': 'Thêm ngày',
    'calendar.save': 'Lưu lịch năm {year}',
    'calendar.saved': 'Đã lưu lịch năm {year}: {n} ngày.',
    'calendar.actions': 'Thao tác',
  },
  en: {
    'calendar.title': 'Holidays and make-up working days',
    'calendar.intro':
      'Deadlines count working days: the holidays below are skipped and the make-up days are worked. For a year not entered yet, Tết and the Hùng Kings’ day are computed from the lunar calendar.',
    'calendar.year': 'Year',
    'calendar.show': 'Show the year',
    'calendar.entries': 'Days of {year}',
    'calendar.none': 'No day entered for this year.',
    'calendar.tableLabel': 'Holidays and make-up days of {year}',
    'calendar.date': 'Date',
    'calendar.kind': 'Kind of day',
    'calendar.kind.holiday': 'Holiday',
    'calendar.kind.make_up_working_day': 'Make-up working day',
    'calendar.nameVi': 'Name in Vietnamese',
    'calendar.nameEn': 'Name in English',
    'calendar.rowLabel': 'Row {n}: {field}',
    'calendar.remove': 'Remove row {n}',
    'calendar.removeShort': 'Remove',
    'calendar.add': 'Add a day',
    'calendar.save': 'Save {year}',
    'calendar.saved': '{year} saved: {n} days.',
    'calendar.actions': 'Actions',
  },
});
