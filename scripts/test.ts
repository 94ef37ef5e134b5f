import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureSystemDeps } from "./lib/system-deps";

/**
 * `npm test`: typecheck, lint, unit + integration tests (vitest; real PostgreSQL when DATABASE_URL
 * is set, else PGlite), a production build, then Playwright in Debian's Chromium against it.
 * Ends with one summary line `tests: N passed, M failed` counting vitest and Playwright tests.
 */
const root = path.resolve(__dirname, "..");
const tmp = path.join(root, ".tmp");
mkdirSync(tmp, { recursive: true });
const log = (line: string) => console.log(`\n▶ ${line}`);
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  log(title);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`${ok ? "✔" : "✘"} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function readJson(file: string): any {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function vitestCounts(file: string) {
  const r = readJson(file);
  if (!r) return undefined;
  // A file that fails to load has no failed test but still fails the run: count it once.
  const brokenFiles = (r.testResults ?? []).filter((t: any) => t.status === "failed" && !t.assertionResults?.length).length;
  return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + brokenFiles, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
}

function playwrightCounts(file: string) {
  const r = readJson(file);
  if (!r?.stats) return undefined;
  return { passed: (r.stats.expected ?? 0) + (r.stats.flaky ?? 0), failed: r.stats.unexpected ?? 0, skipped: r.stats.skipped ?? 0 };
}

function main() {
  const failures: string[] = [];
  try {
    ensureSystemDeps((l) => console.log(l));
  } catch (err) {
    console.error(`✘ ${(err as Error).message}`);
    failures.push("system dependencies");
  }

  if (!run("typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit"])) failures.push("typecheck");
  if (!run("lint (biome)", bin("biome"), ["lint", "."])) failures.push("lint");

  const vitestJson = path.join(tmp, "vitest-results.json");
  rmSync(vitestJson, { force: true });
  const db = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "PGlite";
  if (!run(`unit + integration tests (vitest, ${db})`, bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`])) {
    failures.push("vitest");
  }

  const pwJson = path.join(tmp, "playwright-results.json");
  rmSync(pwJson, { force: true });
  // Test build only: the browser's Sentry DSN and environment are inlined at build time, so they
  // point at the local Sentry sink scripts/e2e-server.ts starts on that fixed port (e2e/sentry.spec.ts).
  // Never build a deployable artifact this way.
  const e2eBuildEnv = {
    NEXT_PUBLIC_SENTRY_DSN: `http://public@127.0.0.1:${process.env.E2E_SENTRY_PORT ?? 3199}/1`,
    SENTRY_ENVIRONMENT: "e2e",
  };
  if (run("production build (next build)", bin("next"), ["build"], e2eBuildEnv) && existsSync(path.join(root, ".next/BUILD_ID"))) {
    if (!run("end-to-end tests (Playwright, Chromium)", bin("playwright"), ["test"])) failures.push("playwright");
  } else {
    failures.push("build");
  }

  const v = vitestCounts(vitestJson) ?? { passed: 0, failed: 1, skipped: 0 };
  const p = playwrightCounts(pwJson) ?? { passed: 0, failed: failures.includes("build") || failures.includes("playwright") ? 1 : 0, skipped: 0 };
  const passed = v.passed + p.passed;
  const failed = v.failed + p.failed + failures.filter((f) => !["vitest", "playwright"].includes(f)).length;
  const skipped = v.skipped + p.skipped;
  console.log(`\nvitest: ${v.passed} passed, ${v.failed} failed · playwright: ${p.passed} passed, ${p.failed} failed`);
  if (failures.length) console.log(`failed steps: ${failures.join(", ")}`);
  console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(failures.length ? 1 : 0);
}

main();
