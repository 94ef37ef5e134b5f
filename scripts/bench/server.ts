import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface BenchServer {
  url: string;
  env: Record<string, string>;
  /** The wrapper process; next-server is among its descendants (see bench/upload-memory.ts). */
  pid: number;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, "../..");

/** Written next to `.next/BUILD_ID` after a bench build: the build id it made. */
const BENCH_MARKER = ".next/BENCH_BUILD";
/** What a production build is made from (tests excluded: editing one does not change the build). */
const SOURCE_DIRS = ["app", "lib", "emails", "public", "drizzle"];
const SOURCE_FILES = /^(next\.config\.\w+|package(-lock)?\.json|tsconfig\.json|postcss\.config\.\w+|proxy\.ts|instrumentation(-client)?\.ts|sentry\.\w+\.config\.ts)$/;

/** Newest modification time (ms) among the build's sources under `dir`. */
function newestSourceMtime(dir: string): number {
  let newest = 0;
  const visit = (file: string) => {
    const st = statSync(file);
    if (st.isDirectory()) {
      for (const name of readdirSync(file)) visit(path.join(file, name));
    } else if (!/\.test\.tsx?$/.test(file)) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const sub of SOURCE_DIRS) if (existsSync(path.join(dir, sub))) visit(path.join(dir, sub));
  for (const name of readdirSync(dir)) if (SOURCE_FILES.test(name)) visit(path.join(dir, name));
  return newest;
}

/**
 * Why the build in `.next` cannot be benchmarked, or `undefined` when it can: it must be one the
 * bench made itself (not `npm test`'s e2e build, which inlines the Sentry test sink's DSN) and be
 * newer than every source file. `BENCH_REBUILD=1` always rebuilds.
 */
export function benchBuildStaleReason(dir = root): string | undefined {
  const buildIdFile = path.join(dir, ".next/BUILD_ID");
  const marker = path.join(dir, BENCH_MARKER);
  if (process.env.BENCH_REBUILD === "1") return "BENCH_REBUILD=1";
  if (!existsSync(buildIdFile)) return "no production build";
  const buildId = readFileSync(buildIdFile, "utf8").trim();
  if (!existsSync(marker) || readFileSync(marker, "utf8").trim() !== buildId) {
    return "the build in .next was not made by the bench (e.g. npm test's e2e build)";
  }
  if (newestSourceMtime(dir) > statSync(marker).mtimeMs) return "sources changed since the last bench build";
  return undefined;
}

/** Records that the build now in `dir/.next` is the bench's own (see `benchBuildStaleReason`). */
export function markBenchBuild(dir = root): void {
  writeFileSync(path.join(dir, BENCH_MARKER), readFileSync(path.join(dir, ".next/BUILD_ID"), "utf8").trim());
}

/** Runs `next build` unless `.next` already holds a current bench build (see `benchBuildStaleReason`). */
export function ensureBenchBuild(): void {
  const reason = benchBuildStaleReason();
  if (!reason) {
    console.log("bench: reusing the bench's production build (sources unchanged)");
    return;
  }
  console.log(`bench: running next build (${reason})`);
  const r = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("next build failed");
  markBenchBuild();
}

/** Builds when needed (`ensureBenchBuild`), then starts scripts/e2e-server.ts (scratch DB + stand-ins). */
export async function startBenchServer(port: number): Promise<BenchServer> {
  ensureBenchBuild();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/.bin/tsx"), "scripts/e2e-server.ts"], {
    cwd: root,
    // Measure the request paths alone: background jobs off, no contract checks, quiet logs.
    env: { ...process.env, E2E_PORT: String(port), LOG_LEVEL: "warn", ONLYWAVE_JOBS: "off", ONLYWAVE_VALIDATE_RESPONSES: "0" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("bench server did not become healthy");
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const env = JSON.parse(readFileSync(path.join(root, `.tmp/e2e-env-${port}.json`), "utf8")) as Record<string, string>;
  return {
    url,
    env,
    pid: child.pid!,
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 1500));
    },
  };
}
