import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resetConfig } from "@/lib/config";
import { startSentrySink } from "../emulators/sentry/index";
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
  // Always the local sink, even if the shell has a real SENTRY_DSN: test errors stay out of Sentry.
  // Server-side errors go there at run time; the browser's DSN was fixed by the build.
  const sentrySink = await startE2eSentrySink();
  cleanups.unshift(() => sentrySink.close());
  Object.assign(env, { SENTRY_DSN: sentrySink.dsn, SENTRY_SINK_URL: sentrySink.url, SENTRY_ENVIRONMENT: "e2e" });
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

/**
 * The Sentry ingest stand-in. The browser's DSN is inlined at build time (scripts/test.ts builds
 * with NEXT_PUBLIC_SENTRY_DSN=http://public@127.0.0.1:3199/1), so the sink must listen on that
 * fixed port: E2E_SENTRY_PORT, else the port of a local NEXT_PUBLIC_SENTRY_DSN in the
 * environment, else 3199. If the port is taken, it falls back to a random one so the other specs
 * still run; e2e/sentry.spec.ts then fails and says why.
 */
async function startE2eSentrySink() {
  let port = 3199;
  try {
    const dsn = new URL(process.env.NEXT_PUBLIC_SENTRY_DSN ?? "");
    if (["127.0.0.1", "localhost"].includes(dsn.hostname) && dsn.port) port = Number(dsn.port);
  } catch {
    // not set or not a URL: keep the default
  }
  if (process.env.E2E_SENTRY_PORT) port = Number(process.env.E2E_SENTRY_PORT);
  try {
    return await startSentrySink({ port });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    console.warn(`Sentry sink: port ${port} is taken, using a random port (this build's browser events will not reach it)`);
    return startSentrySink({ port: 0 });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
