import type { ApiResult } from "../../../_components/api";

export type RefundAnswer = { id: string; amountCents: number; status: "pending" | "succeeded" | "failed" };

export interface RefundOutcome {
  kind: "succeeded" | "pending" | "failed";
  message: string;
  /**
   * Whether the next confirmation repeats this attempt's Idempotency-Key. Only when the outcome is
   * unknown (no answer at all, or the server says the refund was left pending): the same key then
   * finishes that refund instead of asking for a second one. After a failure the same key would
   * only bring the failure back, so trying again takes a new key.
   */
  keepKey: boolean;
}

/** What the admin refund form says and does after the API answered. Never "done" for a failed refund. */
export function refundOutcome(res: ApiResult<RefundAnswer>): RefundOutcome {
  if (!res.ok) {
    const unknown = res.status === 0 || res.error.code === "refund_pending";
    return { kind: unknown ? "pending" : "failed", message: res.error.message ?? "Não foi possível reembolsar.", keepKey: unknown };
  }
  if (res.data.status === "failed") {
    return { kind: "failed", message: "O Mercado Pago recusou o reembolso. Nada foi devolvido ao comprador.", keepKey: false };
  }
  if (res.data.status === "pending") {
    return { kind: "pending", message: "Reembolso solicitado. O Mercado Pago ainda está processando; a situação é atualizada sozinha.", keepKey: false };
  }
  return { kind: "succeeded", message: "Reembolso realizado.", keepKey: false };
}
