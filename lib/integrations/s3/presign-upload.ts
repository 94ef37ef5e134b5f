import { createPresignedPost, type PresignedPostOptions } from "@aws-sdk/s3-presigned-post";
import { checkExpiresIn, type S3Context } from "./client";
import type { PresignedUpload, PresignUploadInput } from "./types";

type Condition = NonNullable<PresignedPostOptions["Conditions"]>[number];

/**
 * Presigns a browser form upload (S3 POST Object with a SigV4 POST policy).
 *
 * POST rather than a presigned PUT because only a POST policy lets S3 itself refuse a body of the
 * wrong size (`content-length-range`) or type (`Content-Type` eq); a presigned PUT signs neither.
 * The policy pins: exact size (size..size), exact Content-Type, the key (added by the SDK as
 * `{"key": …}`), the bucket, Cache-Control when given, and a short expiration.
 * No `acl` field: objects stay private, access is decided by our database.
 */
export async function presignUpload(ctx: S3Context, input: PresignUploadInput): Promise<PresignedUpload> {
  const expires = checkExpiresIn(input.expiresInSeconds);
  if (!Number.isSafeInteger(input.size) || input.size < 0) {
    throw new RangeError(`size must be a non-negative integer, got ${input.size}`);
  }
  if (!input.key || !input.contentType) throw new TypeError("key and contentType are required");

  const fields: Record<string, string> = { "Content-Type": input.contentType };
  if (input.cacheControl) fields["Cache-Control"] = input.cacheControl;

  const conditions: Condition[] = [
    ["content-length-range", input.size, input.size],
    ["eq", "$Content-Type", input.contentType],
    ["eq", "$key", input.key],
  ];
  if (input.cacheControl) conditions.push(["eq", "$Cache-Control", input.cacheControl]);

  const expiresAt = new Date(Date.now() + expires * 1000);
  const { url, fields: formFields } = await createPresignedPost(ctx.client, {
    Bucket: ctx.bucket,
    Key: input.key,
    Conditions: conditions,
    Fields: fields,
    Expires: expires,
  });
  return { method: "POST", url, fields: formFields, expiresAt };
}
