/**
 * Object keys for stored files. A key is built only from a random UUID, the date and an extension
 * derived from the (already allow-listed) content type: never from the client's filename, so no
 * path traversal, no Unicode surprises and no guessable names.
 */
import { randomUUID } from "node:crypto";
import { normalizeContentType } from "./policy";

/** `public/…` objects may be served by the CDN without signing; `private/…` ones never are. */
export type ObjectVisibility = "public" | "private";

/** File extension (without dot) for each content type we accept. */
export const EXTENSION_BY_CONTENT_TYPE: Readonly<Record<string, string>> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/gif": "gif",
  "application/pdf": "pdf",
  "video/mp4": "mp4",
  "application/zip": "zip",
  "text/plain": "txt",
  "text/csv": "csv",
};

/** The extension for a content type, or `undefined` when it is not one we know. */
export function extensionFor(contentType: string): string | undefined {
  return EXTENSION_BY_CONTENT_TYPE[normalizeContentType(contentType)];
}

/** Input of `createObjectKey`. There is deliberately no filename here. */
export interface ObjectKeyInput {
  visibility: ObjectVisibility;
  contentType: string;
  /** Clock for the `yyyy/mm` part of public keys (UTC); defaults to now. */
  now?: Date;
  /** UUID source, injectable for tests; defaults to `crypto.randomUUID`. */
  uuid?: () => string;
}

/**
 * Builds a new object key: `public/<yyyy>/<mm>/<uuid>[.ext]` or `private/<uuid>[.ext]`.
 * Public keys carry the month so listings and lifecycle rules can work by prefix.
 */
export function createObjectKey(input: ObjectKeyInput): string {
  const id = (input.uuid ?? randomUUID)();
  if (!UUID.test(id)) throw new Error("createObjectKey: uuid() must return a UUID");
  const ext = extensionFor(input.contentType);
  const name = ext ? `${id}.${ext}` : id;
  if (input.visibility === "private") return `private/${name}`;
  const now = input.now ?? new Date();
  const yyyy = String(now.getUTCFullYear()).padStart(4, "0");
  const mm = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `public/${yyyy}/${mm}/${name}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY_PATTERN =
  /^(?:public\/\d{4}\/(?:0[1-9]|1[0-2])|private)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\.[a-z0-9]{1,5})?$/;

/** True when `key` has exactly the shape `createObjectKey` produces (use it on keys sent back by clients). */
export function isObjectKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** The visibility encoded in a key's prefix, or `undefined` for a key we did not make. */
export function visibilityOfKey(key: string): ObjectVisibility | undefined {
  if (!isObjectKey(key)) return undefined;
  return key.startsWith("public/") ? "public" : "private";
}
