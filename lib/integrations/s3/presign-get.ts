import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { checkExpiresIn, type S3Context } from "./client";
import { contentDisposition } from "./content-disposition";
import type { PresignedGet, PresignGetInput } from "./types";

/**
 * Presigns a time-limited GET (SigV4 query string). `response-content-disposition` and
 * `response-content-type` are part of the signed query, so the recipient cannot change the
 * filename or type without invalidating the signature.
 */
export async function presignGet(ctx: S3Context, input: PresignGetInput): Promise<PresignedGet> {
  const expires = checkExpiresIn(input.expiresInSeconds);
  let disposition: string | undefined;
  if (input.downloadFilename) {
    disposition = contentDisposition(input.inline ? "inline" : "attachment", input.downloadFilename);
  } else if (input.inline !== undefined) {
    disposition = input.inline ? "inline" : "attachment";
  }
  const command = new GetObjectCommand({
    Bucket: ctx.bucket,
    Key: input.key,
    ...(disposition ? { ResponseContentDisposition: disposition } : {}),
    ...(input.contentType ? { ResponseContentType: input.contentType } : {}),
  });
  const expiresAt = new Date(Date.now() + expires * 1000);
  const url = await getSignedUrl(ctx.client, command, { expiresIn: expires });
  return { url, expiresAt };
}
