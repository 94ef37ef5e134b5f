import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Debian packages the test suite needs: Chromium for Playwright, promtool for Prometheus checks. */
const NEEDS = [
  { binary: "/usr/bin/chromium", pkg: "chromium", why: "Playwright end-to-end tests (Playwright cannot download browsers here)" },
  { binary: "/usr/bin/promtool", pkg: "prometheus", why: "promtool checks of monitoring/prometheus" },
];

/** Installs what is missing with apt-get when running as root; otherwise says exactly what to run. */
export function ensureSystemDeps(log: (line: string) => void): void {
  const missing = NEEDS.filter((n) => !existsSync(n.binary));
  if (missing.length === 0) return;
  const pkgs = missing.map((m) => m.pkg);
  for (const m of missing) log(`missing ${m.binary} (package ${m.pkg}), needed for ${m.why}`);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(`Install the missing packages first: sudo apt-get update && sudo apt-get install -y ${pkgs.join(" ")}`);
  }
  log(`installing ${pkgs.join(" ")} with apt-get (about a minute)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...pkgs], { stdio: "inherit", env });
  const still = NEEDS.filter((n) => !existsSync(n.binary));
  if (still.length) throw new Error(`apt-get finished but ${still.map((s) => s.binary).join(", ")} is still missing`);
}
