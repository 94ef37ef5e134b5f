import type { TestProject } from "vitest/node";
import { migratePostgres } from "@/lib/db/migrate";
import { assertLocalDatabase, createScratchDatabase } from "../../scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
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
  const scratch = await createScratchDatabase(base, "onlywave_test");
  await migratePostgres(scratch.url);
  project.provide("databaseUrl", scratch.url);
  return async () => {
    await scratch.drop();
  };
}
