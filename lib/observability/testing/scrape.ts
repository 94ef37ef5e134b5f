import { GET } from "@/app/api/metrics/route";
import { config } from "@/lib/config";
import { call } from "@/lib/testing/http";
import { expectedMetricsToken } from "../metrics-auth";
import { type Exposition, parseExposition } from "./exposition";

/**
 * Scrapes the real /api/metrics route handler the way a local Prometheus does: with METRICS_TOKEN,
 * or the fixed development token when it is unset (tests run outside production), and parses the
 * answer.
 */
export async function scrape(): Promise<{ text: string; exposition: Exposition }> {
  const token = expectedMetricsToken(config());
  if (!token) throw new Error("scrape: no metrics token is accepted here (production without METRICS_TOKEN)");
  const res = await call(GET, { path: "/api/metrics", headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`scrape answered ${res.status}: ${res.text}`);
  return { text: res.text, exposition: parseExposition(res.text) };
}
