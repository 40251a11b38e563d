import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
      logLevel: 'info',
      enginePort: 26500,
      zeebeAddress: undefined,
    });
  });

  it('coerces numbers and keeps given values', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/motcua',
      ZEEBE_ADDRESS: 'zeebe:26500',
    });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/motcua');
    expect(config.zeebeAddress).toBe('zeebe:26500');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    ['DATABASE_URL', 'nonsense', /PostgreSQL URL/],
    ['PORT', 'abc', /port number/],
    ['PORT', '70000', /port number/],
    ['LOG_LEVEL', 'loud', /one of fatal/],
    ['ZEEBE_ADDRESS', 'no-port', /host:port/],
  ])('rejects %s=%s naming the variable in one line', (name, value, hint) => {
    let caught: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.variable).toBe(name);
    expect(error.message).toContain(name);
    expect(error.message).toContain(JSON.stringify(value));
    expect(error.message).toMatch(hint);
    expect(error.message).not.toContain('\n');
  });
});
