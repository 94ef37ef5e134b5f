import { inArray } from "drizzle-orm";
import { type Executor, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { publicFileUrl } from "@/lib/files/urls";

/**
 * Turns uploaded file ids into product images: each must be a ready, public image (its permanent
 * CDN or storage URL is stored with it). Keeps the given order.
 */
export async function imagesFromFiles(db: Executor, fileIds: string[]): Promise<{ fileId: string; url: string }[]> {
  if (fileIds.length === 0) return [];
  const rows = await db.select().from(schema.files).where(inArray(schema.files.id, fileIds));
  const byId = new Map(rows.map((f) => [f.id, f]));
  return fileIds.map((id, i) => {
    const f = byId.get(id);
    if (!f || f.status !== "ready" || f.visibility !== "public" || !f.contentType.startsWith("image/")) {
      throw errors.rule("invalid_image_file", "Cada imagem precisa ser um arquivo de imagem público já enviado.", [
        { path: `imageFileIds.${i}`, message: id },
      ]);
    }
    return { fileId: id, url: publicFileUrl(f) };
  });
}

/** A digital product's download must be a ready file; buyers get access to it through grants. */
export async function assertDownloadFile(db: Executor, fileId: string): Promise<void> {
  const [f] = await db.select().from(schema.files).where(inArray(schema.files.id, [fileId]));
  if (!f || f.status !== "ready") {
    throw errors.rule("invalid_download_file", "O arquivo de download precisa ter sido enviado e verificado.", [
      { path: "downloadFileId", message: fileId },
    ]);
  }
}
