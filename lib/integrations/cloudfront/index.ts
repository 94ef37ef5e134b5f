/**
 * CloudFront in front of the (private, OAC-protected) bucket: public URLs, canned-policy signed
 * URLs for private files, and invalidations. Everything is optional so development runs without
 * a distribution: `enabled`/`canSign` tell the caller when to fall back to S3 URLs.
 */
import { CloudFrontClient } from "@aws-sdk/client-cloudfront";
import { createInvalidation } from "./invalidate";
import { cdnObjectUrl, signCdnUrl } from "./sign";
import type { Cdn, CdnOptions } from "./types";

export type * from "./types";
export { verifySignedUrl } from "./verify";

/** Creates the CDN helper from explicit options (no environment access here). */
export function createCdn(options: CdnOptions = {}): Cdn {
  const { baseUrl, distributionId, keyPairId, privateKey } = options;
  let client: CloudFrontClient | undefined;
  const getClient = () => {
    // CloudFront is a global service signed in us-east-1.
    client ??= new CloudFrontClient({ region: "us-east-1", ...options.client });
    return client;
  };

  return {
    enabled: Boolean(baseUrl),
    canSign: Boolean(baseUrl && keyPairId && privateKey),
    publicUrl(key) {
      if (!baseUrl) throw new Error("CDN baseUrl is not configured");
      return cdnObjectUrl(baseUrl, key);
    },
    signedUrl(input) {
      if (!baseUrl || !keyPairId || !privateKey) {
        throw new Error("CDN signing is not configured (baseUrl, keyPairId and privateKey are required)");
      }
      return signCdnUrl({ baseUrl, keyPairId, privateKey, hashAlgorithm: options.hashAlgorithm ?? "SHA1" }, input);
    },
    async invalidate(keys) {
      if (!distributionId || keys.length === 0) return null;
      return createInvalidation(getClient(), distributionId, keys);
    },
  };
}
