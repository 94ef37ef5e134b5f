import type { CloudFrontClientConfig } from "@aws-sdk/client-cloudfront";

/**
 * Hash used for signed URLs. SHA256 adds `Hash-Algorithm=SHA256` (cloudfront-signer 3.1166 links an
 * April 2026 AWS announcement for it); SHA1 is the classic canned-policy signature.
 */
export type CdnHashAlgorithm = "SHA1" | "SHA256";

/** Explicit options; `lib/config.ts` maps environment variables to these. */
export interface CdnOptions {
  /** Distribution URL, e.g. `https://cdn.onlywave.com.br`. Without it the CDN is disabled. */
  baseUrl?: string | undefined;
  /** Distribution id for invalidations; without it `invalidate` is a no-op. */
  distributionId?: string | undefined;
  /** Id of the public key (in a trusted key group) matching `privateKey`. */
  keyPairId?: string | undefined;
  /** RSA private key, PEM. */
  privateKey?: string | undefined;
  /** Default "SHA1" (CloudFront's original canned-policy signature). */
  hashAlgorithm?: CdnHashAlgorithm | undefined;
  /** CloudFront API client options (region, credentials, endpoint for tests). */
  client?: CloudFrontClientConfig | undefined;
}

/** Input of `signedUrl`. */
export interface CdnSignedUrlInput {
  key: string;
  /** The URL is refused by CloudFront from this instant on (canned policy `DateLessThan`). */
  expiresAt: Date;
  /**
   * Adds a signed `response-content-disposition` query parameter. For it to reach S3 the
   * distribution's origin request policy must forward that query string (and the cache policy
   * should include it in the cache key), and the origin must be signed (OAC).
   */
  downloadFilename?: string | undefined;
  inline?: boolean | undefined;
}

/** Result of `verifySignedUrl`. */
export type CdnVerifyResult =
  | { valid: true; expiresAt: Date; keyPairId: string }
  | { valid: false; reason: "malformed" | "custom-policy-unsupported" | "bad-signature" | "expired" };

/** The CDN operations the app uses. */
export interface Cdn {
  /** True when `baseUrl` is set. */
  readonly enabled: boolean;
  /** True when signed URLs can be made (`baseUrl`, `keyPairId` and `privateKey` set). */
  readonly canSign: boolean;
  publicUrl(key: string): string;
  signedUrl(input: CdnSignedUrlInput): string;
  /** Invalidates the given keys (`/`-prefixed paths; a trailing `*` is kept). Returns the invalidation id, or null when nothing was sent. */
  invalidate(keys: readonly string[]): Promise<string | null>;
}
