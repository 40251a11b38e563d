// Boots the app on the run's test database, for `app.inject`.
import { inject } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

export async function build() {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  return buildApp({ ...config, databaseUrl: inject('databaseUrl') });
}
