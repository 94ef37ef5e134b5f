/**
 * Webhook signature, as Mercado Pago documents it:
 *   manifest = `id:<data.id from the query, lowercased>;request-id:<x-request-id>;ts:<ts>;`
 *   (a pair whose value is absent is dropped entirely)
 *   v1 = hex(HMAC-SHA256(secret, manifest));  header `x-signature: ts=<ts>,v1=<v1>`
 */
import { createHmac } from "node:crypto";

export interface ManifestParts {
  dataId?: string | null;
  requestId?: string | null;
  ts?: string | null;
}

export function buildManifest({ dataId, requestId, ts }: ManifestParts): string {
  let manifest = "";
  if (dataId) manifest += `id:${dataId.toLowerCase()};`;
  if (requestId) manifest += `request-id:${requestId};`;
  if (ts) manifest += `ts:${ts};`;
  return manifest;
}

export function signManifest(secret: string, parts: ManifestParts): string {
  return createHmac("sha256", secret).update(buildManifest(parts)).digest("hex");
}

/** The `x-signature` header value for a notification. */
export function signatureHeader(secret: string, parts: ManifestParts & { ts: string }): string {
  return `ts=${parts.ts},v1=${signManifest(secret, parts)}`;
}
