import { recordPaymentStatus, recordRefund } from "@/lib/observability/record";

/** Payments by resulting status, and the approved amount in centavos (once per real change). */
export function recordPaymentOutcome(status: string, approvedAmountCents?: number): void {
  recordPaymentStatus(status, approvedAmountCents);
}

export { recordRefund };
