import type { TestProject } from "vitest/node";
import { migratePostgres } from "@/lib/db/migrate";
import { assertLocalDatabase, createScratchDatabase, dropStaleDatabases } from "../../scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export const TEST_DATABASE_PREFIX = "onlywave_test";
/** Longer than any vitest run: a scratch database this old belongs to a run killed before teardown. */
export const STALE_TEST_DATABASE_MS = 2 * 60 * 60 * 1000;

/** Drops the scratch databases killed runs left behind (as scripts/e2e-server.ts does for e2e's). */
export function dropStaleTestDatabases(baseUrl: string): Promise<number> {
  return dropStaleDatabases(baseUrl, TEST_DATABASE_PREFIX, STALE_TEST_DATABASE_MS);
}

/**
 * With DATABASE_URL set, the run gets its own fresh database (created here, migrated, dropped at
 * the end); test files share it and use unique data. Without it, each test file opens its own
 * in-memory PGlite (see setup.ts).
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide("databaseUrl", "");
    return;
  }
  assertLocalDatabase(base);
  await dropStaleTestDatabases(base);
  const scratch = await createScratchDatabase(base, TEST_DATABASE_PREFIX);
  await migratePostgres(scratch.url);
  project.provide("databaseUrl", scratch.url);
  return async () => {
    await scratch.drop();
  };
}
