import type { CheckRate, UptimeCheckSpec } from "./types";

/** Statuses that count as down; 503 is how /api/health/ready says "not ready". */
export const DOWN_STATUS_CODES = [
  "204", "205", "206", "303", "400", "401", "403", "404", "405", "406", "408", "410", "413", "429", "444",
  "494", "495", "496", "499", "500", "501", "502", "503", "504", "505", "506", "507", "508", "509", "510",
  "511", "520", "521", "522", "523", "524", "598", "599",
];

export interface DesiredChecksOptions {
  checkRate?: CheckRate;
  contactGroups?: string[];
  /** Added to the `onlywave` tag, e.g. the environment. */
  tags?: string[];
}

/**
 * The two uptime checks OnlyWave wants: liveness (the process answers) and readiness (database and
 * storage answer; 503 otherwise). Names are stable: the sync finds existing checks by them, so the
 * base URL can change without creating duplicates.
 */
export function desiredUptimeChecks(appUrl: string, opts: DesiredChecksOptions = {}): UptimeCheckSpec[] {
  const base = appUrl.replace(/\/+$/, "");
  const common = {
    checkRate: opts.checkRate ?? 60,
    timeout: 10,
    confirmation: 2,
    followRedirects: false,
    statusCodes: DOWN_STATUS_CODES,
    tags: ["onlywave", ...(opts.tags ?? [])],
    contactGroups: opts.contactGroups ?? [],
    paused: false,
  } satisfies Partial<UptimeCheckSpec>;
  return [
    {
      ...common,
      name: "OnlyWave liveness (/api/health)",
      websiteUrl: `${base}/api/health`,
      triggerRate: 0,
      findString: "pass",
    },
    {
      ...common,
      name: "OnlyWave readiness (/api/health/ready)",
      websiteUrl: `${base}/api/health/ready`,
      // Readiness dips during deploys and database failovers; wait before paging.
      triggerRate: 2,
    },
  ];
}
