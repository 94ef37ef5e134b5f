import { spawnSync } from "node:child_process";

/** Debian's prometheus package ships it; `npm test` installs the package when missing. */
export const PROMTOOL = "/usr/bin/promtool";

/**
 * prom-client's default metrics name three gauges `*_total`, which promtool's linter flags. They
 * are not ours and are kept for stock Node dashboards; exactly these findings are tolerated.
 */
export const KNOWN_DEFAULT_METRIC_FINDINGS = [
  'nodejs_active_handles_total non-counter metrics should not have "_total" suffix',
  'nodejs_active_requests_total non-counter metrics should not have "_total" suffix',
  'nodejs_active_resources_total non-counter metrics should not have "_total" suffix',
];

/** Runs `promtool <args>`; returns its exit code and combined, trimmed output lines. */
export function promtool(args: string[], input?: string): { status: number | null; lines: string[] } {
  const r = spawnSync(PROMTOOL, args, { input, encoding: "utf8" });
  if (r.error) throw r.error;
  const lines = `${r.stdout}${r.stderr}`.split("\n").map((l) => l.trim()).filter(Boolean);
  return { status: r.status, lines };
}

/** `promtool check metrics` on an exposition: parse errors and every finding that is not a known default-metric one. */
export function checkMetrics(exposition: string): { status: number | null; unexpected: string[] } {
  const r = promtool(["check", "metrics"], exposition);
  return { status: r.status, unexpected: r.lines.filter((l) => !KNOWN_DEFAULT_METRIC_FINDINGS.includes(l)) };
}
