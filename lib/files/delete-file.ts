import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { loadFileFor } from "./access";
import { deleteVariants, variantKeys } from "./image-variants";
import { assertNotInCatalog } from "./references";
import { fileStorage } from "./storage";
import type { Actor } from "./types";

/**
 * Deletes a file for its owner or an admin: the object (and its image variants) is removed from storage, the CDN is told
 * to forget a public one, then the row is marked deleted (from then on every id lookup is 404).
 * In that order so that a failure at any step leaves the row in place and a retry finishes the
 * job (S3 deletes are idempotent); a CloudFront failure answers 502 rather than pretending the
 * public copy is gone. Files the catalog still uses answer 409.
 */
export async function deleteFile(caller: NonNullable<Actor>, id: string): Promise<void> {
  const file = await loadFileFor(caller, id, "manage");
  await assertNotInCatalog(file.id);
  const { storage, cdn } = fileStorage();
  await Promise.all([storage.delete(file.key), deleteVariants(storage, file)]);
  if (file.visibility === "public" && file.status === "ready") {
    try {
      await cdn.invalidate([file.key, ...variantKeys(file)]);
    } catch (err) {
      throw errors.upstream("CloudFront", `não foi possível invalidar o cache (${(err as Error).message ?? "erro"}). Tente de novo.`);
    }
  }
  const db = await getDb();
  const done = await db
    .update(schema.files)
    .set({ status: "deleted", deletedAt: new Date() })
    .where(and(eq(schema.files.id, file.id), eq(schema.files.key, file.key)))
    .returning({ id: schema.files.id });
  // The key changed meanwhile (a visibility switch copied it): that copy must go too.
  if (done.length === 0) return deleteFile(caller, id);
}
