import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface BenchServer {
  url: string;
  env: Record<string, string>;
  /** The wrapper process; next-server is among its descendants (see bench/upload-memory.ts). */
  pid: number;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, "../..");

/** Builds when there is no production build, then starts scripts/e2e-server.ts (scratch DB + stand-ins). */
export async function startBenchServer(port: number): Promise<BenchServer> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.log("no production build found: running next build");
    const r = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) throw new Error("next build failed");
  }
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
