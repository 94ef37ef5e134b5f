import { contentDisposition, type StorageProvider } from "@/lib/integrations/s3";

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
 * Copies a stored file's object to a new key through `StorageProvider.copy` (server-side, metadata
 * replaced). Two callers need it: completing an upload (the checked bytes move to a key no
 * presigned form can write to) and changing visibility (public files must live under `public/`,
 * served by the CDN with immutable caching, private ones under `private/`). Both give the new
 * object the same metadata: the recorded type, the Cache-Control of its visibility and an inline
 * disposition with the display name.
 */
export function copyFileObject(storage: StorageProvider, input: CopyObjectInput): Promise<void> {
  return storage.copy(input.from, input.to, {
    contentType: input.contentType,
    cacheControl: input.cacheControl,
    contentDisposition: contentDisposition("inline", input.filename),
  });
}
