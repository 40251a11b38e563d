import { DEMO_PASSWORD } from './demo-data.js';
import type { DemoAccount } from './demo-seed.js';

/** The demo accounts, printed by `npm start` so a person can log in at once. */
export function demoBanner(accounts: DemoAccount[], publicUrl: string): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  const lines = accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role}`);
  return [
    '',
    `motcua: ${publicUrl}  (API docs: ${publicUrl}/docs)`,
    `Tài khoản mẫu / demo accounts — mật khẩu / password: ${DEMO_PASSWORD}`,
    ...lines,
    '',
  ].join('\n');
}
