import type { LoggerOptions } from 'pino';

/** pino options: pretty lines in a terminal, JSON lines otherwise. */
export function loggerOptions(level: string): LoggerOptions {
  const pretty = process.stdout.isTTY === true;
  return {
    level,
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
}
