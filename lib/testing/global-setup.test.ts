import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { dropStaleTestDatabases, STALE_TEST_DATABASE_MS, TEST_DATABASE_PREFIX } from "./global-setup";

const url = inject("databaseUrl");

describe.skipIf(!url)("vitest global setup on PostgreSQL", () => {
  it("drops scratch databases left by killed runs and keeps recent ones", async () => {
    const name = (ageMs: number, tag: string) =>
      `${TEST_DATABASE_PREFIX}_${(Date.now() - ageMs).toString(36)}_${tag}${Math.random().toString(36).slice(2, 6)}`;
    const stale = name(STALE_TEST_DATABASE_MS + 60_000, "stale");
    const recent = name(STALE_TEST_DATABASE_MS - 10 * 60_000, "recent");
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(`create database "${stale}"`);
      await sql.unsafe(`create database "${recent}"`);
      expect(await dropStaleTestDatabases(url)).toBeGreaterThanOrEqual(1);
      const left = (await sql<{ datname: string }[]>`select datname from pg_database where datname in (${stale}, ${recent})`).map(
        (r) => r.datname,
      );
      expect(left).toEqual([recent]);
      // This run's own database (created moments ago) is never stale.
      const mine = await sql`select 1 from pg_database where datname = ${new URL(url).pathname.slice(1)}`;
      expect(mine).toHaveLength(1);
    } finally {
      await sql.unsafe(`drop database if exists "${stale}" with (force)`);
      await sql.unsafe(`drop database if exists "${recent}" with (force)`);
      await sql.end({ timeout: 5 });
    }
  });
});
