import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resetConfig } from "@/lib/config";
import { assertLocalDatabase, createScratchDatabase, dropStaleDatabases } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";
import { startLocalStack } from "./lib/stack";

/**
 * The server Playwright tests run against: a production build (`next start`) on a fresh database
 * (a scratch PostgreSQL database when DATABASE_URL is set, else a fresh PGlite directory) with
 * every local stand-in running. Writes `.tmp/e2e-env-<port>.json` so specs can reach the stand-ins.
 */
export const E2E_ADMIN = { email: "admin@onlywave.test", password: "admin-e2e-2026" };

async function main() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const appUrl = `http://127.0.0.1:${port}`;
  const tmp = path.resolve(".tmp");
  mkdirSync(tmp, { recursive: true });
  const cleanups: (() => Promise<void>)[] = [];

  const env: Record<string, string> = {
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    AUTH_SECRET: "e2e-auth-secret-not-for-production",
    METRICS_TOKEN: "e2e-metrics-token",
    ONLYWAVE_VALIDATE_RESPONSES: process.env.ONLYWAVE_VALIDATE_RESPONSES ?? "1",
    // Request logs of a whole e2e run drown the test report; warnings and errors still show.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  if (process.env.DATABASE_URL) {
    assertLocalDatabase(process.env.DATABASE_URL);
    await dropStaleDatabases(process.env.DATABASE_URL, "onlywave_e2e", 3 * 60 * 60 * 1000);
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, "onlywave_e2e");
    env.DATABASE_URL = scratch.url;
    cleanups.push(() => scratch.drop());
  } else {
    const dir = path.join(tmp, `e2e-pglite-${Date.now()}`);
    env.PGLITE_DATA_DIR = dir;
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  }

  const stack = await startLocalStack({ appUrl, log: (l) => console.log(l) });
  cleanups.unshift(() => stack.close());
  Object.assign(env, stack.env);
  Object.assign(process.env, env);
  resetConfig();
  await prepareDatabase(E2E_ADMIN);

  writeFileSync(path.join(tmp, `e2e-env-${port}.json`), JSON.stringify({ ...env, ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password }, null, 2));

  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: { ...process.env, ...env, NODE_ENV: "production" },
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    for (const c of cleanups) await c().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  child.on("exit", (code) => stop(code ?? 0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
