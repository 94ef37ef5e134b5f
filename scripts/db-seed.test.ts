import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "@/lib/testing/run-script";

// Its own embedded database in a temporary directory, so the test owns every admin in it.
const dir = mkdtempSync(path.join(tmpdir(), "onlywave-seed-"));
const env = { NODE_ENV: "development", PGLITE_DATA_DIR: path.join(dir, "pglite"), LOG_LEVEL: "silent" };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run db:seed (scripts/db-seed.ts)", () => {
  it("loads the catalog and an admin, printing a generated password once; a second run changes nothing", async () => {
    const first = await runScript("scripts/db-seed.ts", env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Catalog: \d+ categories, 15 new products\./);
    const saved = JSON.parse(readFileSync(path.join(dir, "dev-admin.json"), "utf8")) as { email: string; password: string };
    expect(first.stdout).toContain(`Admin created: ${saved.email}  password: ${saved.password}`);

    const second = await runScript("scripts/db-seed.ts", env);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain("0 new products");
    expect(second.stdout).toContain(`Admin: ${saved.email} already exists, left unchanged.`);
    expect(second.stdout).not.toContain(saved.password);
  }, 120_000);

  it("uses ADMIN_EMAIL/ADMIN_PASSWORD when set, and refuses only one of them", async () => {
    const configured = await runScript("scripts/db-seed.ts", { ...env, ADMIN_EMAIL: "Dona@OnlyWave.com.br", ADMIN_PASSWORD: "mar-de-almirante" });
    expect(configured.status, configured.stderr).toBe(0);
    expect(configured.stdout).toContain("Admin ready: dona@onlywave.com.br (from ADMIN_EMAIL/ADMIN_PASSWORD)");
    expect(configured.stdout).not.toContain("mar-de-almirante");

    const half = await runScript("scripts/db-seed.ts", { ...env, ADMIN_EMAIL: "dona@onlywave.com.br" });
    expect(half.status).not.toBe(0);
    expect(half.stderr).toContain("Set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither.");
  }, 120_000);
});
