import { recordWebhook } from "@/lib/observability/record";

/** Mercado Pago webhook notifications received / rejected (by reason) / processed / failed. */
export function recordWebhookEvent(event: "received" | "duplicate" | "rejected" | "processed" | "failed" | "flagged", reason?: string): void {
  recordWebhook({ provider: "mercadopago", event, reason: reason === "signature_mismatch" ? "bad_signature" : reason });
}
