import { logger } from "@/lib/observability/logger";

/** Seam to the metrics registry: payments by resulting status and approved amount. */
export function recordPaymentOutcome(status: string, approvedAmountCents?: number): void {
  logger().debug({ status, approvedAmountCents }, "payment status");
}
