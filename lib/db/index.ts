import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { config } from "@/lib/config";
import * as schema from "./schema";

export { schema };

/**
 * One drizzle type for both drivers. postgres.js and PGlite share drizzle's pg-core query builder,
 * so the PGlite instance is typed as the postgres.js one; every query in `lib/` works on both.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

interface Handle {
  db: Db;
  driver: "postgres" | "pglite";
  close(): Promise<void>;
  ping(): Promise<void>;
}

const KEY = Symbol.for("onlywave.db");
type Holder = { [KEY]?: Promise<Handle> };

async function open(): Promise<Handle> {
  const { database } = config();
  if (database.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(database.url, {
      max: database.poolMax,
      onnotice: () => {},
      connect_timeout: 5,
    });
    const db = drizzle(client, { schema });
    return {
      db,
      driver: "postgres",
      close: () => client.end({ timeout: 5 }),
      ping: async () => {
        await client`select 1`;
      },
    };
  }
  // Embedded default: PGlite on disk under .data/ (or in memory for tests), migrated on open.
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = database.pgliteDir;
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as Db,
    driver: "pglite",
    close: () => client.close(),
    ping: async () => {
      await client.query("select 1");
    },
  };
}

function handle(): Promise<Handle> {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    g[KEY] = open();
    // A failed open must not be cached forever: the next call tries again (database came back).
    g[KEY].catch(() => {
      delete g[KEY];
    });
  }
  return g[KEY];
}

/** The process-wide database, opened on first use and kept on globalThis (survives HMR). */
export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

export async function dbDriver(): Promise<"postgres" | "pglite"> {
  return (await handle()).driver;
}

/** A cheap round trip, for readiness checks. */
export async function pingDb(): Promise<void> {
  await (await handle()).ping();
}

export async function closeDb(): Promise<void> {
  const g = globalThis as Holder;
  const h = g[KEY];
  delete g[KEY];
  if (h) await (await h).close();
}
