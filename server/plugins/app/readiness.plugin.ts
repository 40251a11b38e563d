// Each part the app cannot serve without (database, engine) registers a check
// here; GET /ready runs them all.
import fp from 'fastify-plugin';

export type ReadinessCheck = () => Promise<void>;

export interface Readiness {
  add(name: string, check: ReadinessCheck): void;
  run(): Promise<Record<string, { ok: boolean; error?: string }>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    readiness: Readiness;
  }
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(check: ReadinessCheck): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
    check()
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

export default fp(
  async (app) => {
    const checks = new Map<string, ReadinessCheck>();
    app.decorate('readiness', {
      add: (name, check) => void checks.set(name, check),
      run: async () => {
        const entries = await Promise.all(
          [...checks].map(async ([name, check]) => {
            try {
              await withTimeout(check);
              return [name, { ok: true }] as const;
            } catch (error) {
              app.log.warn({ check: name, err: error }, 'readiness check failed');
              // The reason stays in the log; the public answer only says which part.
              return [name, { ok: false, error: 'unavailable' }] as const;
            }
          }),
        );
        return Object.fromEntries(entries);
      },
    } satisfies Readiness);
  },
  { name: 'readiness' },
);
