// `npm run audit:verify [-- --dossier <id>]`: re-computes the hash chain of
// every dossier's audit trail and names the first broken link of each.
// Exit code 0: every chain intact; 1: something is broken; 2: the check could
// not run (configuration, database).
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { verifyDossierChains, type VerifyResult } from './plugins/app/audit/dossier-audit.js';
import { createDb, resolveDatabase } from './plugins/external/database.js';
import { isUuid } from './domain/uuid.js';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function report(result: VerifyResult): string {
  const lines = [
    `Kiểm tra nhật ký hồ sơ: ${result.checked} sự kiện, ${result.dossiers} hồ sơ, ` +
      (result.broken.length === 0
        ? 'mọi chuỗi đều nguyên vẹn.'
        : `${result.broken.length} chuỗi bị sai.`),
    `Audit trail check: ${plural(result.checked, 'event')}, ${plural(result.dossiers, 'dossier')}, ` +
      (result.broken.length === 0
        ? 'every chain intact.'
        : `${plural(result.broken.length, 'broken chain')}.`),
  ];
  for (const b of result.broken) {
    lines.push(
      `BROKEN hồ sơ/dossier ${b.dossierCode ?? '(chưa có mã/no code)'} (id ${b.dossierId}): ` +
        `sự kiện/event seq ${b.seq} (id ${b.eventId}): ${b.reason}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

class UsageError extends Error {}

try {
  let dossierId: string | undefined;
  try {
    dossierId = parseArgs({ options: { dossier: { type: 'string' } } }).values.dossier;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; usage: audit-verify [--dossier <id>]`);
  }
  if (dossierId !== undefined && !isUuid(dossierId)) {
    throw new UsageError(`--dossier must be a dossier id (uuid), got ${JSON.stringify(dossierId)}`);
  }
  const config = loadConfig();
  const database = await resolveDatabase(config, () => undefined);
  const db = createDb(database.url, { max: 1 });
  try {
    const result = await verifyDossierChains(db, { dossierId });
    process.stdout.write(report(result));
    process.exitCode = result.broken.length > 0 ? 1 : 0;
  } finally {
    await db.destroy();
    await database.stop();
  }
} catch (error) {
  const message =
    error instanceof ConfigError || error instanceof UsageError
      ? error.message
      : `Audit verification could not run: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}
