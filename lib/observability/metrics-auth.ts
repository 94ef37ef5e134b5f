import { createHash, timingSafeEqual } from "node:crypto";
import type { AppConfig } from "@/lib/config";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Whether a scrape may read /api/metrics. With METRICS_TOKEN set: only `Authorization: Bearer
 * <token>`, compared in constant time (hashing first makes lengths equal, so timing reveals
 * nothing). Without it: refused in production (fail closed), open elsewhere so a local
 * Prometheus/Grafana works with no setup.
 */
export function metricsAuthorized(headers: Headers, cfg: Pick<AppConfig, "metricsToken" | "isProduction">): boolean {
  if (!cfg.metricsToken) return !cfg.isProduction;
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization")?.trim() ?? "");
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(cfg.metricsToken));
}
