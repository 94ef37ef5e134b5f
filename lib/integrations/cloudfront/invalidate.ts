import { randomUUID } from "node:crypto";
import { type CloudFrontClient, CreateInvalidationCommand } from "@aws-sdk/client-cloudfront";
import { encodeKeyPath } from "../s3/public-url";

/** CloudFront's limit of file paths in progress per distribution (one request may not exceed it). */
export const MAX_INVALIDATION_PATHS = 3000;

/** Object keys → unique invalidation paths: `/`-prefixed, URL-encoded, a trailing `*` kept as a wildcard. */
export function invalidationPaths(keys: readonly string[]): string[] {
  const paths = keys.map((key) => `/${encodeKeyPath(key.replace(/^\/+/, ""))}`);
  return [...new Set(paths)];
}

/**
 * Sends one CreateInvalidation for the keys with a unique CallerReference (reusing one with
 * different paths fails with InvalidationBatchAlreadyExists). Returns the invalidation id.
 */
export async function createInvalidation(
  client: CloudFrontClient,
  distributionId: string,
  keys: readonly string[],
): Promise<string | null> {
  const paths = invalidationPaths(keys);
  if (paths.length === 0) return null;
  if (paths.length > MAX_INVALIDATION_PATHS) {
    throw new RangeError(`at most ${MAX_INVALIDATION_PATHS} paths per invalidation, got ${paths.length}`);
  }
  const res = await client.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: {
        CallerReference: `onlywave-${Date.now()}-${randomUUID()}`,
        Paths: { Quantity: paths.length, Items: paths },
      },
    }),
  );
  const id = res.Invalidation?.Id;
  if (!id) throw new Error("CloudFront CreateInvalidation returned no invalidation id");
  return id;
}
