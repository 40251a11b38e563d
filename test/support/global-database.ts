// vitest global setup of the integration suites: one migrated database per run.
import type { TestProject } from 'vitest/node';
import { createMigratedDatabase } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createMigratedDatabase();
  project.provide('databaseUrl', database.url);
  return () => database.drop();
}
