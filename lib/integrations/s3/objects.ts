import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { isNotFound, type S3Context } from "./client";
import { encodeKeyPath } from "./public-url";
import type { CopyObjectMetadata, ObjectInfo } from "./types";

/** HEAD an object: its size, type, ETag and date, or null when it does not exist. */
export async function headObject(ctx: S3Context, key: string): Promise<ObjectInfo | null> {
  try {
    const res = await ctx.client.send(new HeadObjectCommand({ Bucket: ctx.bucket, Key: key }));
    return {
      size: res.ContentLength ?? 0,
      contentType: res.ContentType,
      etag: res.ETag?.replace(/^"|"$/g, ""),
      lastModified: res.LastModified,
    };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * Reads at most the first `n` bytes with a ranged GET (for magic-number sniffing without
 * downloading the whole file). Null when the object does not exist; empty for an empty object.
 */
export async function readFirstBytes(ctx: S3Context, key: string, n: number): Promise<Uint8Array | null> {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  try {
    const res = await ctx.client.send(
      new GetObjectCommand({ Bucket: ctx.bucket, Key: key, Range: `bytes=0-${n - 1}` }),
    );
    if (!res.Body) return new Uint8Array(0);
    const bytes = await res.Body.transformToByteArray();
    // A server that ignores Range answers 200 with the whole body; never hand back more than asked.
    return bytes.length > n ? bytes.subarray(0, n) : bytes;
  } catch (error) {
    if (isNotFound(error)) return null;
    // 416 InvalidRange: the object is empty.
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416) {
      return new Uint8Array(0);
    }
    throw error;
  }
}

/** Deletes an object. Idempotent: deleting a missing key succeeds (S3 answers 204 either way). */
export async function deleteObject(ctx: S3Context, key: string): Promise<void> {
  await ctx.client.send(new DeleteObjectCommand({ Bucket: ctx.bucket, Key: key }));
}

/**
 * Server-side CopyObject inside the bucket with `MetadataDirective: REPLACE`: the new object gets
 * exactly the given type, Cache-Control and disposition, whatever the source carried. S3 copies the
 * bytes itself (up to 5 GB in one call, above every upload limit); nothing passes through this
 * process. Used to move an object to a key no client can write to (upload completion) or under the
 * other visibility prefix. Throws when the source does not exist.
 */
export async function copyObject(ctx: S3Context, fromKey: string, toKey: string, metadata: CopyObjectMetadata): Promise<void> {
  if (!fromKey || !toKey || fromKey === toKey) throw new TypeError("copy needs two different keys");
  await ctx.client.send(
    new CopyObjectCommand({
      Bucket: ctx.bucket,
      Key: toKey,
      CopySource: `${ctx.bucket}/${encodeKeyPath(fromKey)}`,
      MetadataDirective: "REPLACE",
      ContentType: metadata.contentType,
      CacheControl: metadata.cacheControl,
      ...(metadata.contentDisposition ? { ContentDisposition: metadata.contentDisposition } : {}),
    }),
  );
}

/**
 * Writes an object this process generated (image variants), with the given metadata. Only for
 * small bodies made server-side: client bytes never pass through here, they go straight to storage
 * with a presigned POST.
 */
export async function putObject(ctx: S3Context, key: string, body: Uint8Array, metadata: CopyObjectMetadata): Promise<void> {
  if (!key) throw new TypeError("put needs a key");
  await ctx.client.send(
    new PutObjectCommand({
      Bucket: ctx.bucket,
      Key: key,
      Body: body,
      ContentLength: body.byteLength,
      ContentType: metadata.contentType,
      CacheControl: metadata.cacheControl,
      ...(metadata.contentDisposition ? { ContentDisposition: metadata.contentDisposition } : {}),
    }),
  );
}
