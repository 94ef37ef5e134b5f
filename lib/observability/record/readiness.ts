import { Gauge } from "prom-client";
import { metricGroup } from "../metrics";

/** Last readiness result as gauges, so Prometheus can alert on it (StatusCake sees the HTTP status). */
export const readinessMetrics = () =>
  metricGroup("readiness", (registry) => ({
    up: new Gauge({
      name: "onlywave_readiness_up",
      help: "1 when the last readiness evaluation passed or warned, 0 when a required check failed.",
      registers: [registry],
    }),
    checkUp: new Gauge({
      name: "onlywave_readiness_check_up",
      help: "1 when the last run of this readiness check passed, 0 when it warned or failed.",
      labelNames: ["check"] as const,
      registers: [registry],
    }),
    checkDuration: new Gauge({
      name: "onlywave_readiness_check_duration_seconds",
      help: "Duration of the last run of this readiness check.",
      labelNames: ["check"] as const,
      registers: [registry],
    }),
  }));

/** Input of `recordReadiness`. */
export interface ReadinessRecord {
  ok: boolean;
  checks: { name: string; status: "pass" | "warn" | "fail"; durationMs: number }[];
}

/** Stores the outcome of one readiness evaluation. */
export function recordReadiness(result: ReadinessRecord): void {
  const m = readinessMetrics();
  m.up.set(result.ok ? 1 : 0);
  for (const c of result.checks) {
    m.checkUp.set({ check: c.name }, c.status === "pass" ? 1 : 0);
    m.checkDuration.set({ check: c.name }, c.durationMs / 1000);
  }
}
