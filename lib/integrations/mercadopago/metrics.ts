import { recordMercadoPagoCall as record } from "@/lib/observability/record";

/** Mercado Pago API calls by operation and outcome, with latency. */
export function recordMercadoPagoCall(operation: string, outcome: "success" | "client_error" | "failure", seconds: number): void {
  record({ operation, outcome, seconds });
}
