import { S3Client } from "@aws-sdk/client-s3";
import type { S3StorageOptions } from "./types";

/**
 * Creates the SDK client for the given options.
 *
 * Checksums are set to `WHEN_REQUIRED` on purpose. With the default (`WHEN_SUPPORTED`, since
 * client-s3 3.729) the SDK (a) adds `x-amz-checksum-crc32`/`x-amz-sdk-checksum-algorithm` to
 * every PutObject and bakes the CRC32 of an *empty*
 * body into presigned PUT URLs, so real uploads fail the check; (b) puts
 * `x-amz-checksum-mode=ENABLED` into every presigned GET URL and validates response checksums.
 * S3-compatible servers (s3rver, some MinIO/R2/SeaweedFS versions) do not all implement these
 * (aws-sdk-js-v3#6994). Verified on 3.1178.0: with `WHEN_REQUIRED` presigned GET/PUT URLs carry
 * no checksum parameters and PutObject no checksum headers, while PutBucketCors (where S3
 * requires a checksum) still sends `x-amz-checksum-crc32`.
 */
export function createS3Client(options: S3StorageOptions): S3Client {
  const credentials =
    options.accessKeyId && options.secretAccessKey
      ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
      : undefined;
  return new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? false,
    ...(credentials ? { credentials } : {}),
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** What every operation needs: the client and the bucket. */
export interface S3Context {
  client: S3Client;
  bucket: string;
  options: S3StorageOptions;
}

/** Seconds → validated integer for SigV4/POST-policy expiry (1 s … 7 days, the SigV4 maximum). */
export function checkExpiresIn(expiresInSeconds: number): number {
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > 604_800) {
    throw new RangeError(`expiresInSeconds must be an integer between 1 and 604800, got ${expiresInSeconds}`);
  }
  return expiresInSeconds;
}

/** True for the SDK's "not found" errors (HeadObject has no body, so only the status says so). */
export function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return (
    e?.$metadata?.httpStatusCode === 404 ||
    e?.name === "NotFound" ||
    e?.name === "NoSuchKey" ||
    e?.name === "NoSuchBucket"
  );
}
