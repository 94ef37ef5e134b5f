import { createHash, timingSafeEqual } from "node:crypto";
import type { AppConfig } from "@/lib/config";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * The token /api/metrics accepts when METRICS_TOKEN is unset outside production, so a local
 * Prometheus/Grafana works with a fixed, documented value (monitoring/prometheus/prometheus.yml).
 * Never accepted in production: there an unset METRICS_TOKEN refuses every scrape.
 */
export const DEV_METRICS_TOKEN = "onlywave-dev-metrics-token";

type MetricsAuthConfig = Pick<AppConfig, "metricsToken" | "isProduction">;

/** The bearer token a scrape must present; `undefined` (nothing is accepted) in production without METRICS_TOKEN. */
export function expectedMetricsToken(cfg: MetricsAuthConfig): string | undefined {
  return cfg.metricsToken ?? (cfg.isProduction ? undefined : DEV_METRICS_TOKEN);
}

/**
 * Whether a scrape may read /api/metrics: always `Authorization: Bearer <token>`, compared in
 * constant time (hashing first makes lengths equal, so timing reveals nothing). The token is
 * METRICS_TOKEN, or `DEV_METRICS_TOKEN` when it is unset outside production; in production an unset
 * METRICS_TOKEN refuses everything (fail closed).
 */
export function metricsAuthorized(headers: Headers, cfg: MetricsAuthConfig): boolean {
  const expected = expectedMetricsToken(cfg);
  if (!expected) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization")?.trim() ?? "");
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(expected));
}

/**
 * The line a development server prints at start when it falls back to `DEV_METRICS_TOKEN`, so
 * whoever points a local Prometheus at it knows what to send; `undefined` when METRICS_TOKEN is set
 * or in production.
 */
export function devMetricsTokenNotice(cfg: MetricsAuthConfig): string | undefined {
  if (cfg.metricsToken || cfg.isProduction) return undefined;
  return `  Métricas: GET /api/metrics com "Authorization: Bearer ${DEV_METRICS_TOKEN}" (METRICS_TOKEN não definido; token fixo de desenvolvimento)`;
}
