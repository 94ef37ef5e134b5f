import { canManage } from "./access";
import type { Actor, FileDto, FileRow } from "./types";
import { viewUrl } from "./urls";

/**
 * A file row as the API answers it, for a caller already allowed to read it: the view URL is
 * included once the file is ready (pending and deleted files have no readable bytes).
 */
export async function toFileDto(file: FileRow, caller: Actor, now: Date = new Date()): Promise<FileDto> {
  const read = file.status === "ready" ? await viewUrl(file, now) : null;
  return {
    id: file.id,
    filename: file.filename,
    contentType: file.contentType,
    size: file.size,
    visibility: file.visibility,
    purpose: file.purpose,
    status: file.status,
    ownerId: file.ownerId,
    url: read?.url ?? null,
    urlExpiresAt: read?.expiresAt?.toISOString() ?? null,
    createdAt: file.createdAt.toISOString(),
    completedAt: file.completedAt?.toISOString() ?? null,
    canManage: canManage(caller, file),
  };
}
