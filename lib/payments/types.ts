import type { schema } from "@/lib/db";

export type PaymentRow = typeof schema.payments.$inferSelect;
export type PaymentStatus = PaymentRow["status"];

/**
 * How far along a payment is. A status only moves to a higher rank, so a late or repeated
 * notification (`pending` after `approved`) never moves a payment backwards.
 */
export const STATUS_RANK: Record<PaymentStatus, number> = {
  created: 0,
  pending: 1,
  in_process: 2,
  authorized: 3,
  approved: 4,
  rejected: 4,
  cancelled: 4,
  in_mediation: 5,
  refunded: 6,
  charged_back: 6,
};

export const MP_STATUSES = new Set<string>(Object.keys(STATUS_RANK).filter((s) => s !== "created"));

export function isPaymentStatus(s: unknown): s is PaymentStatus {
  return typeof s === "string" && s in STATUS_RANK;
}

export interface PaymentView {
  id: string;
  orderId: string;
  status: PaymentStatus;
  statusDetail: string | null;
  mpPaymentId: string | null;
  preferenceId: string | null;
  initPoint: string | null;
  expiresAt: string;
  amountCents: number;
  refundedCents: number;
  currency: string;
  paymentMethod: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toPaymentView(p: PaymentRow): PaymentView {
  return {
    id: p.id,
    orderId: p.orderId,
    status: p.status,
    statusDetail: p.statusDetail,
    mpPaymentId: p.mpPaymentId,
    preferenceId: p.preferenceId,
    initPoint: p.initPoint,
    expiresAt: p.expiresAt.toISOString(),
    amountCents: p.amountCents,
    refundedCents: p.refundedCents,
    currency: p.currency,
    paymentMethod: p.paymentMethod,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
