import { logger } from "@/lib/observability/logger";

/** Seam to the metrics registry: webhook notifications received / rejected (by reason) / processed / failed. */
export function recordWebhookEvent(event: "received" | "duplicate" | "rejected" | "processed" | "failed" | "flagged", reason?: string): void {
  logger().debug({ event, reason }, "mercadopago webhook");
}
