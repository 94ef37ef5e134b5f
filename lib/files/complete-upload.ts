import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { AppError, errors } from "@/lib/http/errors";
import { loadFileFor } from "./access";
import { toFileDto } from "./dto";
import { deleteVariants, type ImageSize, renderVariants, storeVariants } from "./image-variants";
import { createObjectKey } from "./keys";
import { recordUploadEvent, type UploadRejectReason } from "./metrics";
import { normalizeContentType } from "./policy";
import { cacheControlFor } from "./rules";
import { matchesDeclaredType, SNIFF_BYTE_COUNT } from "./sniff";
import { fileStorage } from "./storage";
import type { Actor, FileDto, FileRow } from "./types";

/** What the completion check can find wrong with a stored object. */
type CompletionProblem = Extract<UploadRejectReason, "missing" | "size-mismatch" | "type-mismatch" | "content-mismatch">;

const REJECTED: Record<Exclude<CompletionProblem, "missing">, string> = {
  "size-mismatch": "O arquivo enviado não tem o tamanho informado. Envie-o de novo.",
  "type-mismatch": "O arquivo foi enviado com um tipo diferente do informado. Envie-o de novo.",
  "content-mismatch": "O conteúdo do arquivo não corresponde ao tipo informado. Envie um arquivo válido.",
};

/**
 * Removes the object, then retires the row (in that order: a failure in between leaves a pending
 * row, which the cleanup job retries, never a dangling object) and answers 422.
 */
async function reject(file: FileRow, reason: keyof typeof REJECTED): Promise<never> {
  await fileStorage().storage.delete(file.key);
  const db = await getDb();
  await db
    .update(schema.files)
    .set({ status: "deleted", deletedAt: new Date() })
    .where(and(eq(schema.files.id, file.id), eq(schema.files.status, "pending")));
  recordUploadEvent({ event: "rejected", reason });
  throw new AppError(422, "upload_rejected", REJECTED[reason], [{ path: "file", message: REJECTED[reason], code: reason }]);
}

/** What the client posted, by HEAD: it exists, with the declared size and type. */
async function inspectUpload(file: FileRow): Promise<CompletionProblem | null> {
  const head = await fileStorage().storage.head(file.key);
  if (!head) return "missing";
  if (head.size !== file.size) return "size-mismatch";
  if (head.contentType && normalizeContentType(head.contentType) !== file.contentType) return "type-mismatch";
  return null;
}

/**
 * The copy that will be served: size again (the upload key may have been re-posted between the
 * HEAD and the copy) and the magic number. Its type is ours: the copy replaced the metadata.
 */
async function inspectCopy(file: FileRow, key: string): Promise<Exclude<CompletionProblem, "missing"> | null> {
  const { storage } = fileStorage();
  const head = await storage.head(key);
  // Only we write generated keys: a copy that is not there is a storage fault (500, still pending).
  if (!head) throw new Error(`completeUpload: the copy of file ${file.id} is missing right after copying`);
  if (head.size !== file.size) return "size-mismatch";
  const first = await storage.readFirstBytes(key, SNIFF_BYTE_COUNT);
  if (!first || !matchesDeclaredType(file.contentType, first)) return "content-mismatch";
  return null;
}

/**
 * A product image is decoded and its width variants are stored next to the copy (see
 * image-variants.ts); bytes that do not decode as an image are a content mismatch. Other files: null.
 */
async function prepareImage(file: FileRow, key: string): Promise<ImageSize | "content-mismatch" | null> {
  if (file.purpose !== "product-image") return null;
  const { storage } = fileStorage();
  const bytes = await storage.readFirstBytes(key, file.size);
  const rendered = bytes ? await renderVariants(bytes) : null;
  if (!rendered) return "content-mismatch";
  await storeVariants(storage, key, rendered, cacheControlFor(file.visibility));
  return { width: rendered.width, height: rendered.height };
}

/** The file as it is now when a concurrent completion already finished it; null otherwise. */
async function finishedMeanwhile(caller: NonNullable<Actor>, id: string): Promise<FileDto | null> {
  const now = await loadFileFor(caller, id, "manage");
  return now.status === "ready" ? toFileDto(now, caller) : null;
}

/**
 * Finishes an upload once the client says the bytes are in storage. Does not trust the client or
 * the storage server: real S3 enforces the POST policy (exact size and type), but an S3-compatible
 * server may not, and neither checks what the bytes are. So the stored object must exist, have
 * the declared size and type, and its first bytes must match the declared type (an HTML page
 * declared as image/png fails). Anything else is deleted and answered with 422. Idempotent for a
 * file that is already ready; an object that has not arrived yet leaves the upload pending.
 *
 * The presigned form stays valid for its whole life (`UPLOAD_EXPIRES_SECONDS`), so after the check
 * the client could post other bytes of the same size and type to the same key. Hence the checked
 * object is never served from the upload key: it is copied server-side to a fresh generated key
 * (same visibility prefix, our Content-Type and Cache-Control), the copy is what gets sniffed, the
 * row points at it and the upload key is deleted. Nothing a client can still post to is served.
 * Product images are also decoded, and their responsive width variants stored with the copy.
 */
export async function completeUpload(caller: NonNullable<Actor>, id: string): Promise<FileDto> {
  const file = await loadFileFor(caller, id, "manage");
  if (file.status === "ready") return toFileDto(file, caller);

  const problem = await inspectUpload(file);
  if (problem === "missing") {
    // A concurrent completion may have moved the object already.
    const done = await finishedMeanwhile(caller, id);
    if (done) return done;
    recordUploadEvent({ event: "rejected", reason: "missing" });
    throw errors.rule("upload_missing", "O arquivo ainda não chegou ao armazenamento. Envie-o e tente concluir de novo.");
  }
  if (problem) return reject(file, problem);

  const { storage, copy } = fileStorage();
  const key = createObjectKey({ visibility: file.visibility, contentType: file.contentType });
  try {
    await copy({ from: file.key, to: key, contentType: file.contentType, cacheControl: cacheControlFor(file.visibility), filename: file.filename });
  } catch (err) {
    const done = await finishedMeanwhile(caller, id);
    if (done) return done;
    throw err;
  }
  // A problem with the copy (a string), else the image size of a product image, else null.
  const checked =
    (await inspectCopy(file, key)) ??
    (await prepareImage(file, key).catch(async (err: unknown) => {
      await storage.delete(key);
      throw err;
    }));
  if (typeof checked === "string") {
    await storage.delete(key);
    return reject(file, checked);
  }

  const db = await getDb();
  const [ready] = await db
    .update(schema.files)
    .set({ key, status: "ready", completedAt: new Date(), width: checked?.width ?? null, height: checked?.height ?? null })
    .where(and(eq(schema.files.id, file.id), eq(schema.files.status, "pending"), eq(schema.files.key, file.key)))
    .returning();
  if (!ready) {
    // Lost a race (a second complete, or the cleanup job): our copy is nobody's; answer with the row as it is now.
    await Promise.all([storage.delete(key), deleteVariants(storage, { key, width: checked?.width ?? null })]);
    return toFileDto(await loadFileFor(caller, id, "manage"), caller);
  }
  await storage.delete(file.key);
  recordUploadEvent({ event: "completed", bytes: ready.size });
  return toFileDto(ready, caller);
}
