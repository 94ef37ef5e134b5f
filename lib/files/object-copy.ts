import { CopyObjectCommand } from "@aws-sdk/client-s3";
import { contentDisposition, type S3StorageOptions } from "@/lib/integrations/s3";
import { createS3Client } from "@/lib/integrations/s3/client";
import { encodeKeyPath } from "@/lib/integrations/s3/public-url";

/** Input of a server-side copy. */
export interface CopyObjectInput {
  from: string;
  to: string;
  contentType: string;
  cacheControl: string;
  /** Display name, stored as the object's Content-Disposition (inline) for direct hits. */
  filename: string;
}

/**
 * Server-side CopyObject with replaced metadata, used when a file changes visibility: public files
 * must live under `public/` (served by the CDN, immutable caching) and private ones under
 * `private/`, so the object moves and gets the Cache-Control of its new home. S3 copies the bytes
 * itself (up to 5 GB in one call, above every upload limit), nothing passes through this server.
 *
 * TODO(lead): this belongs in lib/integrations/s3 as `StorageProvider.copy`; it lives here only
 * because that folder is owned by another change. Same client options, same checksum settings.
 */
export function createObjectCopier(options: S3StorageOptions): (input: CopyObjectInput) => Promise<void> {
  const client = createS3Client(options);
  return async (input) => {
    await client.send(
      new CopyObjectCommand({
        Bucket: options.bucket,
        Key: input.to,
        CopySource: `${options.bucket}/${encodeKeyPath(input.from)}`,
        MetadataDirective: "REPLACE",
        ContentType: input.contentType,
        CacheControl: input.cacheControl,
        ContentDisposition: contentDisposition("inline", input.filename),
      }),
    );
  };
}
