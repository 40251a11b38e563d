import type { Messages } from '../i18n/i18n';

export const formsMessages: Messages = {
  vi: {
    'forms.errors.title': 'Cần sửa {count} mục trước khi tiếp tục',
    'forms.required': 'Mục có dấu * là bắt buộc.',
    'forms.choose': '— Chọn —',
    'forms.province': '{code} — {name}',
    'forms.list.add': 'Thêm mục',
    'forms.list.remove': 'Xoá mục',
    'forms.list.up': 'Chuyển lên',
    'forms.list.down': 'Chuyển xuống',
    'forms.list.copy': 'Sao chép',
    'forms.list.item': 'Mục',
    'forms.list.empty': 'Chưa có mục nào.',
    'forms.yes': 'Có',
    'forms.no': 'Không',
  },
  en: {
    'forms.errors.title': 'Fix {count} item(s) before you continue',
    'forms.required': 'Fields marked * are required.',
    'forms.choose': '— Choose —',
    'forms.province': '{code} — {name}',
    'forms.list.add': 'Add an item',
    'forms.list.remove': 'Remove item',
    'forms.list.up': 'Move up',
    'forms.list.down': 'Move down',
    'forms.list.copy': 'Copy',
    'forms.list.item': 'Item',
    'forms.list.empty': 'No items yet.',
    'forms.yes': 'Yes',
    'forms.no': 'No',
  },
};
