/**
 * Timings and caching rules of stored files, in one place so the upload, read and cleanup paths
 * agree with each other.
 */
import type { ObjectVisibility } from "./keys";

/**
 * Validity of a presigned upload form. Short: the browser posts right after asking for it. The form
 * cannot be revoked and stays usable after completion, so `completeUpload` never serves the upload
 * key: it copies the checked bytes to a fresh key and deletes the upload key.
 */
export const UPLOAD_EXPIRES_SECONDS = 15 * 60;

/**
 * How long after the form expired a pending upload is still left alone. S3 checks the policy
 * when the POST arrives, so a slow upload that started just in time may still be streaming.
 */
export const PENDING_CLEANUP_MARGIN_MS = 60 * 60 * 1000;

/** Lifetime of signed read/download URLs for private files. */
export const READ_URL_SECONDS = 5 * 60;

/**
 * Public objects get a fresh key on every upload or visibility change, so they can be cached
 * forever by browsers and the CDN; deleting one also invalidates the CDN.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** Private objects: never in shared caches; the browser may keep them for a signed URL's life. */
export const PRIVATE_CACHE_CONTROL = `private, max-age=${READ_URL_SECONDS}`;

/** The Cache-Control an object gets for its visibility. */
export function cacheControlFor(visibility: ObjectVisibility): string {
  return visibility === "public" ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL;
}

/** Types a browser can show in the file page (image, PDF, video); others are offered as downloads. */
export function isPreviewable(contentType: string): boolean {
  return contentType.startsWith("image/") || contentType === "application/pdf" || contentType === "video/mp4";
}
