import { READ_URL_SECONDS, isPreviewable } from "./rules";
import { fileStorage } from "./storage";
import type { FileRow } from "./types";

/** A URL to fetch the bytes, and when it stops working (null: never, for public URLs). */
export interface ReadUrl {
  url: string;
  expiresAt: Date | null;
}

type UrlFile = Pick<FileRow, "key" | "visibility" | "filename" | "contentType">;

/**
 * The URL for viewing a file the caller may read (the ACL was checked before). Public files: the
 * CDN URL when CDN_BASE_URL is set, else the storage URL (bucket policy makes `public/*`
 * readable). Private files: a short-lived CloudFront signed URL when the key pair is configured,
 * else an S3 presigned GET. Images, PDFs and videos are served inline, other types as attachments.
 */
export async function viewUrl(file: UrlFile, now: Date = new Date()): Promise<ReadUrl> {
  if (file.visibility === "public") return { url: publicFileUrl(file), expiresAt: null };
  return signedUrl(file, isPreviewable(file.contentType) ? "inline" : "attachment", now);
}

/**
 * The permanent URL of a public file (CDN when configured, else storage), for code that stores or
 * renders product images. Throws for private files: those only get signed URLs.
 */
export function publicFileUrl(file: Pick<FileRow, "key" | "visibility">): string {
  if (file.visibility !== "public") throw new Error("publicFileUrl: the file is private");
  const { storage, cdn } = fileStorage();
  return cdn.enabled ? cdn.publicUrl(file.key) : storage.publicUrl(file.key);
}

/**
 * A short-lived URL that downloads the file as an attachment under its display name. Public files
 * use an S3 presigned GET as well: an unsigned CDN URL cannot carry a Content-Disposition override.
 */
export async function downloadUrl(file: UrlFile, now: Date = new Date()): Promise<ReadUrl> {
  return signedUrl(file, "attachment", now, file.visibility === "public");
}

async function signedUrl(file: UrlFile, disposition: "inline" | "attachment", now: Date, forceS3 = false): Promise<ReadUrl> {
  const { storage, cdn } = fileStorage();
  const inline = disposition === "inline";
  if (cdn.canSign && !forceS3) {
    // Whole seconds: the canned policy's DateLessThan is epoch seconds.
    const expiresAt = new Date((Math.floor(now.getTime() / 1000) + READ_URL_SECONDS) * 1000);
    return { url: cdn.signedUrl({ key: file.key, expiresAt, downloadFilename: file.filename, inline }), expiresAt };
  }
  const signed = await storage.presignGet({
    key: file.key,
    expiresInSeconds: READ_URL_SECONDS,
    downloadFilename: file.filename,
    inline,
    // The type recorded (and sniffed) at completion, whatever the object's metadata says.
    contentType: file.contentType,
  });
  return { url: signed.url, expiresAt: signed.expiresAt };
}
