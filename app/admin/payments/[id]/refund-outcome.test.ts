import { describe, expect, it } from "vitest";
import { refundOutcome } from "./refund-outcome";

const refund = (status: "pending" | "succeeded" | "failed") => ({ ok: true as const, status: 201, data: { id: "r1", amountCents: 500, status } });

describe("the admin refund form's reading of an answer", () => {
  it("a failed refund (non-transient 502) is an error and the next try gets a new key", () => {
    const o = refundOutcome({ ok: false, status: 502, error: { code: "upstream_failed", message: "Mercado Pago: Emulated failure (fault #1)" } });
    expect(o).toEqual({ kind: "failed", message: "Mercado Pago: Emulated failure (fault #1)", keepKey: false });
  });

  it("a 2xx carrying a failed refund is never reported as done", () => {
    const o = refundOutcome({ ...refund("failed"), status: 200 });
    expect(o.kind).toBe("failed");
    expect(o.message).not.toContain("realizado");
    expect(o.keepKey).toBe(false);
  });

  it("keeps the key only while the outcome is unknown (left pending, or no answer)", () => {
    expect(refundOutcome({ ok: false, status: 502, error: { code: "refund_pending", message: "pendente" } }).keepKey).toBe(true);
    expect(refundOutcome({ ok: false, status: 0, error: { code: "network", message: "Falha de conexão." } }).keepKey).toBe(true);
    expect(refundOutcome({ ok: false, status: 409, error: { code: "idempotency_key_reused", message: "x" } }).keepKey).toBe(false);
  });

  it("says done only for a succeeded refund, and 'in progress' for a pending one", () => {
    expect(refundOutcome(refund("succeeded"))).toEqual({ kind: "succeeded", message: "Reembolso realizado.", keepKey: false });
    const pending = refundOutcome(refund("pending"));
    expect(pending.kind).toBe("pending");
    expect(pending.message).not.toBe("Reembolso realizado.");
  });
});
