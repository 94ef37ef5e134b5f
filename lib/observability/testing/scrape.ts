import { GET } from "@/app/api/metrics/route";
import { resetConfig } from "@/lib/config";
import { call } from "@/lib/testing/http";
import { type Exposition, parseExposition } from "./exposition";

/** Scrapes the real /api/metrics route handler (with a test token) and parses the answer. */
export async function scrape(): Promise<{ text: string; exposition: Exposition }> {
  const token = "test-metrics-token";
  const previous = process.env.METRICS_TOKEN;
  process.env.METRICS_TOKEN = token;
  resetConfig();
  try {
    const res = await call(GET, { path: "/api/metrics", headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`scrape answered ${res.status}: ${res.text}`);
    return { text: res.text, exposition: parseExposition(res.text) };
  } finally {
    if (previous === undefined) delete process.env.METRICS_TOKEN;
    else process.env.METRICS_TOKEN = previous;
    resetConfig();
  }
}
