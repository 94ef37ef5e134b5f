import type { HttpResult } from "./http";

/** The webhook ack meets its target only with every response 2xx and no connection error. */
export function webhookVerdict(webhook: HttpResult, baseline: HttpResult): string {
  const ratioOk = webhook.requestsPerSecond >= baseline.requestsPerSecond / 2;
  const clean = webhook.non2xx === 0 && webhook.errors === 0;
  const problems = clean ? "" : ` (${webhook.non2xx} non-2xx, ${webhook.errors} errors: every ack must be 2xx)`;
  return `webhook ack: ${ratioOk && clean ? "meets" : "does NOT meet"} ≥ 0.5 × baseline req/s with 0 non-2xx and 0 errors${problems}; p99 ${webhook.p99Ms} ms ${webhook.p99Ms < 50 ? "<" : "≥"} 50 ms (baseline p99 ${baseline.p99Ms} ms: Next's own per-request cost bounds both at this concurrency)`;
}
