import { errors } from "@/lib/http/errors";
import { loadFileFor } from "./access";
import type { Actor } from "./types";
import { downloadUrl, type ReadUrl } from "./urls";

/**
 * Where to send a reader who wants the bytes: a short-lived signed URL whose response carries
 * `Content-Disposition: attachment` with the file's display name. The route answers it as a 302.
 */
export async function getDownloadUrl(caller: Actor, id: string, now: Date = new Date()): Promise<ReadUrl> {
  const file = await loadFileFor(caller, id, "read");
  // Only managers can see a pending file; it has no bytes to offer yet.
  if (file.status !== "ready") throw errors.conflict("file_not_ready", "O envio deste arquivo ainda não foi concluído.");
  return downloadUrl(file, now);
}
