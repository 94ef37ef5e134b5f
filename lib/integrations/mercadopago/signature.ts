import { createHmac, timingSafeEqual } from "node:crypto";

export type SignatureFailure = "missing_signature" | "malformed_signature" | "missing_timestamp" | "stale_timestamp" | "signature_mismatch";

export interface VerifyInput {
  /** The `x-signature` header: `ts=<ts>,v1=<hex>`. */
  xSignature: string | null | undefined;
  xRequestId: string | null | undefined;
  /** The `data.id` query parameter (not the body). */
  dataId: string | null | undefined;
  secret: string;
  /** Injectable clock for tests. */
  now?: number;
  toleranceMs?: number;
}

/** `ts` arrives in seconds (10 digits) or milliseconds (13 digits); both are accepted. */
export function timestampMs(ts: string): number {
  const n = Number(ts);
  return ts.length >= 13 ? n : n * 1000;
}

/** The documented manifest: absent values drop their whole `key:value;` pair; ids are lowercased. */
export function signatureManifest(dataId: string | null | undefined, requestId: string | null | undefined, ts: string): string {
  return [
    dataId ? `id:${dataId.toLowerCase()};` : "",
    requestId ? `request-id:${requestId};` : "",
    `ts:${ts};`,
  ].join("");
}

/**
 * Verifies Mercado Pago's webhook signature: HMAC-SHA256 of the manifest with the webhook secret,
 * compared in constant time, and a timestamp no older (or newer) than the tolerance (5 minutes).
 */
export function verifyWebhookSignature(input: VerifyInput): { ok: true; ts: string } | { ok: false; reason: SignatureFailure } {
  const header = input.xSignature?.trim();
  if (!header) return { ok: false, reason: "missing_signature" };
  const parts = new Map<string, string>();
  for (const piece of header.split(",")) {
    const i = piece.indexOf("=");
    if (i <= 0) return { ok: false, reason: "malformed_signature" };
    parts.set(piece.slice(0, i).trim(), piece.slice(i + 1).trim());
  }
  const ts = parts.get("ts");
  const v1 = parts.get("v1");
  if (!ts) return { ok: false, reason: "missing_timestamp" };
  if (!/^\d{10,13}$/.test(ts)) return { ok: false, reason: "malformed_signature" };
  if (!v1 || !/^[0-9a-f]{64}$/i.test(v1)) return { ok: false, reason: "malformed_signature" };
  const expected = createHmac("sha256", input.secret).update(signatureManifest(input.dataId, input.xRequestId, ts)).digest();
  const given = Buffer.from(v1, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature_mismatch" };
  const now = input.now ?? Date.now();
  if (Math.abs(now - timestampMs(ts)) > (input.toleranceMs ?? 5 * 60 * 1000)) return { ok: false, reason: "stale_timestamp" };
  return { ok: true, ts };
}
