// Texts of the kept notifications page (/admin/notifications), in Vietnamese and English.
import { addMessages } from '../i18n/i18n';
import './admin.messages';

addMessages({
  vi: {
    'notifications.title': 'Thông báo được lưu lại',
    'notifications.intro':
      'Thư điện tử được giữ lại khi chưa cấu hình máy chủ thư, hoặc gửi không thành công sau nhiều lần thử.',
    'notifications.status': 'Tình trạng',
    'notifications.status.kept': 'Được lưu lại',
    'notifications.status.failed': 'Gửi không thành công',
    'notifications.status.queued': 'Đang chờ gửi',
    'notifications.status.sent': 'Đã gửi',
    'notifications.show': 'Xem',
    'notifications.none': 'Không có thông báo nào.',
    'notifications.count': '{n} thông báo mới nhất.',
    'notifications.tableLabel': 'Thông báo',
    'notifications.col.at': 'Thời gian',
    'notifications.col.recipient': 'Người nhận',
    'notifications.col.subject': 'Tiêu đề và nội dung',
    'notifications.col.template': 'Mẫu',
    'notifications.col.attempts': 'Số lần gửi',
    'notifications.col.error': 'Lỗi gần nhất',
    'notifications.body': 'Nội dung',
  },
  en: {
    'notifications.title': 'Kept notifications',
    'notifications.intro':
      'Emails kept while no mail server is configured, or that failed after several attempts.',
    'notifications.status': 'State',
    'notifications.status.kept': 'Kept',
    'notifications.status.failed': 'Failed',
    'notifications.status.queued': 'Queued',
    'notifications.status.sent': 'Sent',
    'notifications.show': 'Show',
    'notifications.none': 'No notification.',
    'notifications.count': 'The latest {n} notifications.',
    'notifications.tableLabel': 'Notifications',
    'notifications.col.at': 'Time',
    'notifications.col.recipient': 'Recipient',
    'notifications.col.subject': 'Subject and message',
    'notifications.col.template': 'Template',
    'notifications.col.attempts': 'Attempts',
    'notifications.col.error': 'Last error',
    'notifications.body': 'Message',
  },
});
