// The modeler's texts and dates: dd/MM/yyyy HH:mm in Vietnam's time, and
// placeholders filled in either language.
import { describe, expect, it } from 'vitest';
import { formatDateTime, translate } from '../../../modeler-ui/src/i18n.js';

describe('modeler i18n', () => {
  it('shows an instant as dd/MM/yyyy HH:mm in Vietnam, whatever the machine zone', () => {
    expect(formatDateTime('2026-11-24T02:26:00Z')).toBe('24/11/2026 09:26');
    // 17:30 UTC on New Year's Eve is already the next year in Hà Nội.
    expect(formatDateTime('2026-12-31T17:30:00Z')).toBe('01/01/2027 00:30');
  });

  it('fills placeholders in Vietnamese and English', () => {
    expect(translate('vi', 'deploy.done', { version: 3 })).toBe('Đã triển khai phiên bản 3');
    expect(translate('en', 'deploy.done', { version: 3 })).toBe('Deployed version 3');
  });
});
