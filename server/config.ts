// Every environment variable motcua reads, validated once at start-up.
import { Ajv } from 'ajv';
import { validatePattern } from './domain/dossier-code.js';

const schema = {
  type: 'object',
  properties: {
    PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 3000 },
    HOST: { type: 'string', minLength: 1, default: '127.0.0.1' },
    DATA_DIR: { type: 'string', minLength: 1, default: './data' },
    DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://[^\\s]+$' },
    EMBEDDED_PG_PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 0 },
    LOG_LEVEL: {
      type: 'string',
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
    },
    ENGINE_PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 26500 },
    ZEEBE_ADDRESS: { type: 'string', pattern: '^(grpcs?://)?[^\\s:/]+:\\d{1,5}$' },
    PUBLIC_URL: { type: 'string', pattern: '^https?://[^\\s]+$', default: 'http://localhost:3000' },
    SMTP_URL: { type: 'string', pattern: '^smtps?://[^\\s]+$' },
    MAIL_FROM: { type: 'string', minLength: 3, default: 'motcua <no-reply@motcua.local>' },
    TRUST_PROXY: { type: 'boolean', default: false },
    DEMO_SEED: { type: 'boolean', default: true },
    DOSSIER_CODE_PATTERN: { type: 'string', default: '{agency}-{yy}{MM}{dd}-{seq:4}' },
  },
  additionalProperties: true,
} as const;

/** Why a value is wrong, in words a person reading one log line can act on. */
const hints: Record<keyof typeof schema.properties, string> = {
  PORT: 'must be a port number from 0 to 65535',
  HOST: 'must be a host name or IP address to listen on',
  DATA_DIR: 'must be a directory path',
  DATABASE_URL: 'must be a PostgreSQL URL such as postgres://user:pass@host:5432/db',
  EMBEDDED_PG_PORT: 'must be a port number from 0 (pick a free one) to 65535',
  LOG_LEVEL: 'must be one of fatal, error, warn, info, debug, trace, silent',
  ENGINE_PORT: 'must be a port number from 0 to 65535',
  ZEEBE_ADDRESS:
    'must be host:port of a Zeebe gateway (grpcs://host:port for TLS), e.g. zeebe.example.vn:26500',
  PUBLIC_URL: 'must be the http(s):// address citizens reach motcua at',
  SMTP_URL: 'must be an SMTP URL such as smtp://user:pass@mail.example.vn:587',
  MAIL_FROM: 'must be a sender such as motcua <no-reply@example.vn>',
  TRUST_PROXY: 'must be true or false',
  DEMO_SEED: 'must be true or false',
  DOSSIER_CODE_PATTERN:
    'must contain {agency}, a date ({yy} or {yyyy}, {MM}, {dd}) and {seq:N}, e.g. {agency}-{yy}{MM}{dd}-{seq:4}',
};

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Unset: motcua starts its own embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  logLevel: string;
  enginePort: number;
  /** Unset: motcua runs its embedded engine on enginePort. */
  zeebeAddress: string | undefined;
  publicUrl: string;
  /** Unset: messages are kept for operators instead of being mailed. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* (and so set Secure cookies). */
  trustProxy: boolean;
  /** Seed demo agencies, accounts and procedures at start (off on a real deployment). */
  demoSeed: boolean;
  /** The dossier code pattern (mã hồ sơ). */
  dossierCodePattern: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid environment variable ${variable}: ${detail}`);
  }
}

const ajv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: false });
const validate = ajv.compile(schema);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty values count as unset, as in most shells' `VAR= cmd`.
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  if (!validate(raw)) {
    const error = validate.errors?.[0];
    const variable = (error?.instancePath.slice(1) ?? '') as keyof typeof hints;
    const got = JSON.stringify(env[variable] ?? '');
    throw new ConfigError(variable, `${hints[variable]} (got ${got})`);
  }
  const config: Config = {
    port: raw.PORT as number,
    host: raw.HOST as string,
    dataDir: raw.DATA_DIR as string,
    databaseUrl: raw.DATABASE_URL as string | undefined,
    embeddedPgPort: raw.EMBEDDED_PG_PORT as number,
    logLevel: raw.LOG_LEVEL as string,
    enginePort: raw.ENGINE_PORT as number,
    zeebeAddress: raw.ZEEBE_ADDRESS as string | undefined,
    publicUrl: (raw.PUBLIC_URL as string).replace(/\/$/, ''),
    smtpUrl: raw.SMTP_URL as string | undefined,
    mailFrom: raw.MAIL_FROM as string,
    trustProxy: raw.TRUST_PROXY as boolean,
    demoSeed: raw.DEMO_SEED as boolean,
    dossierCodePattern: raw.DOSSIER_CODE_PATTERN as string,
  };
  const pattern = validatePattern(config.dossierCodePattern);
  if (!pattern.ok) {
    throw new ConfigError('DOSSIER_CODE_PATTERN', pattern.errors.map((e) => e.en).join('; '));
  }
  return config;
}
