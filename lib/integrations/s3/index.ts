/**
 * S3 storage provider (documenso-style `StorageProvider`): presigned form uploads, HEAD, ranged
 * reads for sniffing, presigned downloads, delete, server-side copy, small server-made puts, public URLs, bucket bootstrap
 * and a readiness ping. Access control lives in our database; objects never get ACLs.
 */
import { ensureBucket, ping } from "./bucket";
import { createS3Client, type S3Context } from "./client";
import { copyObject, deleteObject, headObject, putObject, readFirstBytes } from "./objects";
import { presignGet } from "./presign-get";
import { presignUpload } from "./presign-upload";
import { publicObjectUrl } from "./public-url";
import type { S3StorageOptions, StorageProvider } from "./types";

export { contentDisposition } from "./content-disposition";
export type * from "./types";

/** Creates the S3-backed `StorageProvider` from explicit options (no environment access here). */
export function createS3Storage(options: S3StorageOptions): StorageProvider {
  if (!options.bucket) throw new TypeError("createS3Storage: bucket is required");
  if (!options.region) throw new TypeError("createS3Storage: region is required");
  const ctx: S3Context = { client: createS3Client(options), bucket: options.bucket, options };
  return {
    bucket: options.bucket,
    presignUpload: (input) => presignUpload(ctx, input),
    head: (key) => headObject(ctx, key),
    readFirstBytes: (key, n) => readFirstBytes(ctx, key, n),
    presignGet: (input) => presignGet(ctx, input),
    delete: (key) => deleteObject(ctx, key),
    copy: (fromKey, toKey, metadata) => copyObject(ctx, fromKey, toKey, metadata),
    put: (key, body, metadata) => putObject(ctx, key, body, metadata),
    publicUrl: (key) => publicObjectUrl(options, key),
    ensureBucket: (input) => ensureBucket(ctx, input),
    ping: (timeoutMs) => ping(ctx, timeoutMs),
  };
}
