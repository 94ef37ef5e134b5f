import { Counter } from "prom-client";
import { knownLabel } from "../labels";
import { metricGroup } from "../metrics";

/** Mercado Pago's payment statuses plus our own `created` (preference made, buyer has not paid). */
export const PAYMENT_STATUSES = [
  "created",
  "pending",
  "in_process",
  "authorized",
  "in_mediation",
  "approved",
  "rejected",
  "cancelled",
  "refunded",
  "charged_back",
  "expired",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** How a refund request ended at Mercado Pago. */
export const REFUND_OUTCOMES = ["approved", "pending", "rejected", "failed"] as const;
export type RefundOutcome = (typeof REFUND_OUTCOMES)[number];

/** Payment and refund counters; exported so every scrape lists the families. */
export const paymentMetrics = () =>
  metricGroup("payments", (registry) => {
    const m = {
      payments: new Counter({
        name: "onlywave_payments_total",
        help: "Payments that reached each status (counted once per status change: the checkout funnel).",
        labelNames: ["status"] as const,
        registers: [registry],
      }),
      approvedCentavos: new Counter({
        name: "onlywave_payments_approved_centavos_total",
        help: "Sum of approved payment amounts, in centavos (BRL cents).",
        registers: [registry],
      }),
      refunds: new Counter({
        name: "onlywave_refunds_total",
        help: "Refund requests by outcome.",
        labelNames: ["outcome"] as const,
        registers: [registry],
      }),
      refundedCentavos: new Counter({
        name: "onlywave_refunds_approved_centavos_total",
        help: "Sum of approved refund amounts, in centavos (BRL cents).",
        registers: [registry],
      }),
    };
    for (const status of PAYMENT_STATUSES) m.payments.inc({ status }, 0);
    for (const outcome of REFUND_OUTCOMES) m.refunds.inc({ outcome }, 0);
    return m;
  });

function centavos(amount: number | undefined): number {
  return amount !== undefined && Number.isSafeInteger(amount) && amount > 0 ? amount : 0;
}

/**
 * Records that a payment moved to `status` (call it once per actual change, not for repeated
 * notifications). For `approved`, pass the amount in centavos to feed the revenue counter.
 */
export function recordPaymentStatus(status: PaymentStatus | (string & {}), amountCents?: number): void {
  const m = paymentMetrics();
  const label = knownLabel(status, PAYMENT_STATUSES);
  m.payments.inc({ status: label });
  if (label === "approved") m.approvedCentavos.inc(centavos(amountCents));
}

/** Input of `recordRefund`. */
export interface RefundRecord {
  outcome: RefundOutcome;
  /** Refunded amount in centavos; counted only when the outcome is `approved`. */
  amountCents?: number;
}

/** Records one refund request's outcome (once per refund, not per retry of the same key). */
export function recordRefund(input: RefundRecord): void {
  const m = paymentMetrics();
  const outcome = knownLabel(input.outcome, REFUND_OUTCOMES);
  m.refunds.inc({ outcome });
  if (outcome === "approved") m.refundedCentavos.inc(centavos(input.amountCents));
}
