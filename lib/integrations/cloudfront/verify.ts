import { verify } from "node:crypto";
import type { CdnVerifyResult } from "./types";

const CLOUDFRONT_PARAMS = new Set(["Expires", "Signature", "Key-Pair-Id", "Hash-Algorithm"]);

/** Undoes CloudFront's URL-safe base64 (`-`→`+`, `_`→`=`, `~`→`/`). */
export function fromCloudFrontBase64(value: string): Buffer {
  return Buffer.from(value.replace(/-/g, "+").replace(/_/g, "=").replace(/~/g, "/"), "base64");
}

/**
 * Checks a CloudFront canned-policy signed URL the way CloudFront does, independently of
 * `@aws-sdk/cloudfront-signer`: rebuild the resource (the URL minus the CloudFront parameters),
 * rebuild the policy JSON `{"Statement":[{"Resource":…,"Condition":{"DateLessThan":{"AWS:EpochTime":N}}}]}`,
 * verify the RSA signature (SHA1, or SHA256 with `Hash-Algorithm=SHA256`), then the expiry.
 * Used by tests; custom-policy URLs (`Policy=`) are reported as unsupported.
 */
export function verifySignedUrl(url: string, publicKeyPem: string, now: Date = new Date()): CdnVerifyResult {
  const q = url.indexOf("?");
  if (q === -1) return { valid: false, reason: "malformed" };
  const base = url.slice(0, q);
  const pairs = url.slice(q + 1).split("&").filter(Boolean);

  const params = new Map<string, string>();
  const rest: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const name = eq === -1 ? pair : pair.slice(0, eq);
    if (name === "Policy") return { valid: false, reason: "custom-policy-unsupported" };
    if (CLOUDFRONT_PARAMS.has(name)) {
      if (params.has(name)) return { valid: false, reason: "malformed" };
      try {
        params.set(name, decodeURIComponent(eq === -1 ? "" : pair.slice(eq + 1)));
      } catch {
        return { valid: false, reason: "malformed" };
      }
    } else {
      rest.push(pair);
    }
  }
  const expiresRaw = params.get("Expires");
  const signature = params.get("Signature");
  const keyPairId = params.get("Key-Pair-Id");
  if (!expiresRaw || !/^\d+$/.test(expiresRaw) || !signature || !keyPairId) {
    return { valid: false, reason: "malformed" };
  }
  const hash = params.get("Hash-Algorithm");
  if (hash !== undefined && hash !== "SHA256") return { valid: false, reason: "malformed" };

  const expires = Number(expiresRaw);
  const resource = rest.length > 0 ? `${base}?${rest.join("&")}` : base;
  const policy = JSON.stringify({
    Statement: [{ Resource: resource, Condition: { DateLessThan: { "AWS:EpochTime": expires } } }],
  });

  let ok = false;
  try {
    ok = verify(hash === "SHA256" ? "sha256" : "sha1", Buffer.from(policy, "utf8"), publicKeyPem, fromCloudFrontBase64(signature));
  } catch {
    ok = false;
  }
  if (!ok) return { valid: false, reason: "bad-signature" };
  if (Math.floor(now.getTime() / 1000) >= expires) return { valid: false, reason: "expired" };
  return { valid: true, expiresAt: new Date(expires * 1000), keyPairId };
}
