import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface BenchServer {
  url: string;
  env: Record<string, string>;
  /** The next-server process (for RSS readings). */
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
  const env = JSON.parse(readFileSync(path.join(root, ".tmp/e2e-env.json"), "utf8")) as Record<string, string>;
  return {
    url,
    env,
    pid: findNextServerPid(child.pid!) ?? child.pid!,
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

/** The `next start` process under the e2e-server wrapper: the one whose RSS matters. */
function findNextServerPid(parent: number): number | undefined {
  const r = spawnSync("pgrep", ["-f", "next/dist/bin/next start"], { encoding: "utf8" });
  const pids = r.stdout.split("\n").filter(Boolean).map(Number);
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.split(") ")[1]?.split(" ")[1]);
      if (ppid === parent) return pid;
    } catch {
      // exited
    }
  }
  return pids[0];
}

/** Resident memory of a process in MiB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
