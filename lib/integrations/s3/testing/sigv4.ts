/**
 * Independent SigV4 check of a presigned (query-string) GET URL, with node:crypto only.
 * Test helper: s3rver never verifies signatures, so tests recompute them here to prove our URLs
 * are correctly signed and that any tampering changes the signature.
 * Spec: AWS "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)".
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else %XX (upper case). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256Hex = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/** The pieces of the computation, exposed so a failing test can show where it differs. */
export interface SigV4Computation {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  provided: string | undefined;
}

/** Recomputes the SigV4 signature of a presigned URL (method GET, `host` as the only signed header). */
export function computePresignedSignature(url: string, secretAccessKey: string, method = "GET"): SigV4Computation {
  const u = new URL(url);
  const raw = u.search.slice(1).split("&").filter(Boolean);
  const params = raw.map((pair) => {
    const eq = pair.indexOf("=");
    const name = decodeURIComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = decodeURIComponent(eq === -1 ? "" : pair.slice(eq + 1));
    return [name, value] as const;
  });
  const get = (name: string) => params.find(([n]) => n === name)?.[1];

  const signedHeaders = get("X-Amz-SignedHeaders");
  if (signedHeaders !== "host") throw new Error(`only SignedHeaders=host is supported, got ${signedHeaders}`);
  const credential = get("X-Amz-Credential") ?? "";
  const amzDate = get("X-Amz-Date") ?? "";
  const [, date, region, service, terminator] = credential.split("/");
  if (!date || !region || !service || terminator !== "aws4_request") throw new Error("bad X-Amz-Credential");

  // S3 does not normalise or double-encode the path: each segment is decoded and encoded once.
  const canonicalUri = u.pathname
    .split("/")
    .map((segment) => uriEncode(decodeURIComponent(segment)))
    .join("/");
  const canonicalQuery = params
    .filter(([name]) => name !== "X-Amz-Signature")
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const payloadHash = get("X-Amz-Content-Sha256") ?? "UNSIGNED-PAYLOAD";
  const canonicalRequest = [method, canonicalUri, canonicalQuery, `host:${u.host}\n`, "host", payloadHash].join("\n");

  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), "aws4_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
  return { canonicalRequest, stringToSign, signature, provided: get("X-Amz-Signature") };
}

/** True when the URL's `X-Amz-Signature` equals the recomputed one (constant-time compare). */
export function verifyPresignedSignature(url: string, secretAccessKey: string): boolean {
  const { signature, provided } = computePresignedSignature(url, secretAccessKey);
  if (!provided || provided.length !== signature.length) return false;
  return timingSafeEqual(Buffer.from(signature), Buffer.from(provided));
}
