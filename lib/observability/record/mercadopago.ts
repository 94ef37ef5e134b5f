import { Counter, Histogram } from "prom-client";
import { boundedLabel, knownLabel } from "../labels";
import { metricGroup } from "../metrics";

/** How a Mercado Pago API call ended: 4xx is usually our bug, 5xx/timeouts are theirs. */
export const MERCADOPAGO_OUTCOMES = ["success", "client_error", "server_error", "timeout", "failure"] as const;
export type MercadoPagoOutcome = (typeof MERCADOPAGO_OUTCOMES)[number];

/** One call to the Mercado Pago API. */
export interface MercadoPagoCall {
  /** Stable snake_case name of the API operation, e.g. `create_preference`, `get_payment`. */
  operation: string;
  outcome: MercadoPagoOutcome;
  /** Wall time of the call including SDK retries, in seconds. */
  seconds: number;
}

/** Mercado Pago call counters and latency; exported so every scrape lists the families. */
export const mercadoPagoMetrics = () =>
  metricGroup("mercadopago", (registry) => ({
    requests: new Counter({
      name: "onlywave_mercadopago_requests_total",
      help: "Mercado Pago API calls by operation and outcome.",
      labelNames: ["operation", "outcome"] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: "onlywave_mercadopago_request_duration_seconds",
      help: "Mercado Pago API call latency by operation (all outcomes).",
      labelNames: ["operation"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
  }));

/** Records one Mercado Pago API call (called by lib/integrations/mercadopago around every request). */
export function recordMercadoPagoCall(call: MercadoPagoCall): void {
  const m = mercadoPagoMetrics();
  const operation = boundedLabel("onlywave_mercadopago_requests_total", "operation", call.operation);
  m.requests.inc({ operation, outcome: knownLabel(call.outcome, MERCADOPAGO_OUTCOMES) });
  if (Number.isFinite(call.seconds) && call.seconds >= 0) m.duration.observe({ operation }, call.seconds);
}
