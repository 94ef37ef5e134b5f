import type { S3StorageOptions } from "./types";

/** Encodes each path segment of a key, keeping the `/` separators. */
export function encodeKeyPath(key: string): string {
  return key.split("/").map(encodeURIComponent).join("/");
}

/**
 * Unsigned URL of an object, for objects that are meant to be public (e.g. `public/…` product
 * images) when no CDN is configured. Uses `publicBaseUrl` when set, else the storage endpoint.
 * The URL works only if the bucket policy (or the emulator) allows anonymous reads of that key;
 * this function does not grant anything.
 */
export function publicObjectUrl(options: S3StorageOptions, key: string): string {
  const path = encodeKeyPath(key);
  if (options.publicBaseUrl) return `${options.publicBaseUrl.replace(/\/+$/, "")}/${path}`;
  if (options.endpoint) {
    const endpoint = new URL(options.endpoint);
    const base = endpoint.href.replace(/\/+$/, "");
    if (options.forcePathStyle) return `${base}/${encodeURIComponent(options.bucket)}/${path}`;
    return `${endpoint.protocol}//${options.bucket}.${endpoint.host}/${path}`;
  }
  return `https://${options.bucket}.s3.${options.region}.amazonaws.com/${path}`;
}
