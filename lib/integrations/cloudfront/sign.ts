import { getSignedUrl } from "@aws-sdk/cloudfront-signer";
import { contentDisposition } from "../s3/content-disposition";
import { encodeKeyPath } from "../s3/public-url";
import type { CdnHashAlgorithm, CdnSignedUrlInput } from "./types";

/** Unsigned distribution URL of a key. */
export function cdnObjectUrl(baseUrl: string, key: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${encodeKeyPath(key.replace(/^\/+/, ""))}`;
}

/** Signing material for `signCdnUrl`. */
export interface CdnSigner {
  baseUrl: string;
  keyPairId: string;
  privateKey: string;
  hashAlgorithm: CdnHashAlgorithm;
}

/**
 * Signs a distribution URL with a canned policy (`Expires`, `Signature`, `Key-Pair-Id`): valid for
 * this exact URL, query string included, until `expiresAt`.
 */
export function signCdnUrl(signer: CdnSigner, input: CdnSignedUrlInput): string {
  const expires = input.expiresAt.getTime();
  if (!Number.isFinite(expires)) throw new RangeError("expiresAt must be a valid Date");
  let url = cdnObjectUrl(signer.baseUrl, input.key);
  if (input.downloadFilename || input.inline !== undefined) {
    const disposition = contentDisposition(input.inline ? "inline" : "attachment", input.downloadFilename);
    url += `?response-content-disposition=${encodeURIComponent(disposition)}`;
  }
  return getSignedUrl({
    url,
    keyPairId: signer.keyPairId,
    privateKey: signer.privateKey,
    dateLessThan: new Date(expires),
    ...(signer.hashAlgorithm === "SHA256" ? { algorithm: "SHA256" as const } : {}),
  });
}
