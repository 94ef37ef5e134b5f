import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { reportError } from "@/lib/observability/report";
import { loadFileFor } from "./access";
import { copyVariants, deleteVariants, variantKeys } from "./image-variants";
import { toFileDto } from "./dto";
import { createObjectKey, type ObjectVisibility } from "./keys";
import { assertNotInCatalog } from "./references";
import { cacheControlFor } from "./rules";
import { fileStorage } from "./storage";
import type { Actor, FileDto } from "./types";

/**
 * Switches a file between public and private while keeping the rule "public files live under
 * `public/`, private ones under `private/`": the object is copied server-side to a new generated
 * key with the new Cache-Control (image variants follow it), the row is pointed at it, the old object is deleted and, when
 * it was public, the CDN is told to forget it. A private file never becomes reachable through the
 * public prefix's bucket policy, and a file made private is gone from its old public URL.
 */
export async function updateVisibility(caller: NonNullable<Actor>, id: string, visibility: ObjectVisibility): Promise<FileDto> {
  const file = await loadFileFor(caller, id, "manage");
  if (file.status !== "ready") throw errors.conflict("file_not_ready", "O envio deste arquivo ainda não foi concluído.");
  if (file.visibility === visibility) return toFileDto(file, caller);
  if (file.purpose === "digital-good" && visibility === "public") {
    throw errors.rule("digital_good_must_be_private", "Produtos digitais ficam privados: só quem compra pode baixar.");
  }
  if (visibility === "private") await assertNotInCatalog(file.id);

  const { storage, cdn, copy } = fileStorage();
  const key = createObjectKey({ visibility, contentType: file.contentType });
  const cacheControl = cacheControlFor(visibility);
  await copy({ from: file.key, to: key, contentType: file.contentType, cacheControl, filename: file.filename });
  await copyVariants(storage, file, key, cacheControl);

  const db = await getDb();
  const [updated] = await db
    .update(schema.files)
    .set({ key, visibility, cacheControl })
    // Only if nobody moved or deleted it meanwhile (the key is the version).
    .where(and(eq(schema.files.id, file.id), eq(schema.files.key, file.key), eq(schema.files.status, "ready")))
    .returning();
  if (!updated) {
    await Promise.all([storage.delete(key), deleteVariants(storage, { key, width: file.width })]);
    throw errors.conflict("file_changed", "O arquivo foi alterado por outra ação. Recarregue e tente de novo.");
  }
  await Promise.all([storage.delete(file.key), deleteVariants(storage, file)]);
  if (file.visibility === "public") {
    // Best effort: the change is done; a failed invalidation is reported (with the key) for ops.
    await cdn.invalidate([file.key, ...variantKeys(file)]).catch((err: unknown) => reportError(err, { op: "cdn-invalidate", key: file.key }));
  }
  return toFileDto(updated, caller);
}
