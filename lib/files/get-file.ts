import { loadFileFor } from "./access";
import { toFileDto } from "./dto";
import type { Actor, FileDto } from "./types";

/**
 * One file for anyone its ACL lets read it (anonymous visitors included, for public files), with
 * a URL to view it: the CDN/storage URL for public files, a signed URL valid ~5 minutes for
 * private ones. `now` is the clock the signed URL's expiry is computed from.
 */
export async function getFile(caller: Actor, id: string, now: Date = new Date()): Promise<FileDto> {
  return toFileDto(await loadFileFor(caller, id, "read"), caller, now);
}
