import { eq } from "drizzle-orm";
import { type Executor, getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";

/**
 * Refuses (409) to delete or unpublish a file the catalog still points at: a product image or a
 * digital product's download. The admin editor unlinks it first, then deletes or replaces it.
 */
export async function assertNotInCatalog(fileId: string, db?: Executor): Promise<void> {
  const d = db ?? (await getDb());
  const [image] = await d
    .select({ id: schema.productImages.id })
    .from(schema.productImages)
    .where(eq(schema.productImages.fileId, fileId))
    .limit(1);
  const [product] = await d
    .select({ id: schema.products.id })
    .from(schema.products)
    .where(eq(schema.products.downloadFileId, fileId))
    .limit(1);
  if (image || product) {
    throw errors.conflict("file_in_use", "Este arquivo está em uso por um produto. Remova-o do produto antes.");
  }
}
