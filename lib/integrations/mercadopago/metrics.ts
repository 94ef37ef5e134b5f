import { logger } from "@/lib/observability/logger";

/**
 * Seam between this client and the metrics registry: the monitoring layer counts calls by
 * operation and outcome with their latency here.
 */
export function recordMercadoPagoCall(operation: string, outcome: "success" | "client_error" | "failure", seconds: number): void {
  logger().debug({ operation, outcome, seconds }, "mercadopago call");
}
