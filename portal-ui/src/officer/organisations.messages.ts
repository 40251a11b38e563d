// Texts of organisation verification (/work/organisations), in Vietnamese and English.
import { addMessages } from '../i18n/i18n';

addMessages({
  vi: {
    'organisations.title': 'Tổ chức chờ xác thực',
    'organisations.intro':
      'Đối chiếu thông tin với đăng ký doanh nghiệp trước khi xác thực. Tổ chức bị từ chối nhận được lý do qua thư điện tử.',
    'organisations.none': 'Không có tài khoản tổ chức nào đang chờ xác thực.',
    'organisations.taxCode': 'Mã số thuế',
    'organisations.representative': 'Người đại diện',
    'organisations.email': 'Thư điện tử',
    'organisations.phone': 'Số điện thoại',
    'organisations.address': 'Địa chỉ',
    'organisations.reviewDue': 'Hạn xác thực',
    'organisations.accept': 'Xác thực tài khoản',
    'organisations.reasons': 'Lý do từ chối',
    'organisations.reasons.hint': 'Bắt buộc khi từ chối; tổ chức sẽ đọc lý do này.',
    'organisations.refuse': 'Từ chối',
    'organisations.accepted': 'Đã xác thực tài khoản {name}.',
    'organisations.refused': 'Đã từ chối tài khoản {name}.',
  },
  en: {
    'organisations.title': 'Organisations to verify',
    'organisations.intro':
      'Check the details against the business registry before verifying. A refused organisation gets the reasons by email.',
    'organisations.none': 'No organisation account is waiting for verification.',
    'organisations.taxCode': 'Tax code',
    'organisations.representative': 'Representative',
    'organisations.email': 'Email',
    'organisations.phone': 'Phone',
    'organisations.address': 'Address',
    'organisations.reviewDue': 'Verify by',
    'organisations.accept': 'Verify the account',
    'organisations.reasons': 'Reasons for refusing',
    'organisations.reasons.hint': 'Required to refuse; the organisation will read them.',
    'organisations.refuse': 'Refuse',
    'organisations.accepted': 'Account {name} verified.',
    'organisations.refused': 'Account {name} refused.',
  },
});
