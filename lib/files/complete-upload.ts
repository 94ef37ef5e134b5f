import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { AppError, errors } from "@/lib/http/errors";
import { loadFileFor } from "./access";
import { toFileDto } from "./dto";
import { recordUploadEvent, type UploadRejectReason } from "./metrics";
import { normalizeContentType } from "./policy";
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

/** Which check the stored object fails, if any: HEAD size and type, then the magic number. */
async function inspect(file: FileRow): Promise<CompletionProblem | null> {
  const { storage } = fileStorage();
  const head = await storage.head(file.key);
  if (!head) return "missing";
  if (head.size !== file.size) return "size-mismatch";
  if (head.contentType && normalizeContentType(head.contentType) !== file.contentType) return "type-mismatch";
  const first = await storage.readFirstBytes(file.key, SNIFF_BYTE_COUNT);
  if (!first || !matchesDeclaredType(file.contentType, first)) return "content-mismatch";
  return null;
}

/**
 * Finishes an upload once the client says the bytes are in storage. Does not trust the client or
 * the storage server: real S3 enforces the POST policy (exact size and type), but an S3-compatible
 * server may not, and neither checks what the bytes are. So the stored object must exist, have
 * the declared size and type, and its first bytes must match the declared type (an HTML page
 * declared as image/png fails). Anything else is deleted and answered with 422. Idempotent for a
 * file that is already ready; an object that has not arrived yet leaves the upload pending.
 */
export async function completeUpload(caller: NonNullable<Actor>, id: string): Promise<FileDto> {
  const file = await loadFileFor(caller, id, "manage");
  if (file.status === "ready") return toFileDto(file, caller);

  const problem = await inspect(file);
  if (problem === "missing") {
    recordUploadEvent({ event: "rejected", reason: "missing" });
    throw errors.rule("upload_missing", "O arquivo ainda não chegou ao armazenamento. Envie-o e tente concluir de novo.");
  }
  if (problem) return reject(file, problem);

  const db = await getDb();
  const [ready] = await db
    .update(schema.files)
    .set({ status: "ready", completedAt: new Date() })
    .where(and(eq(schema.files.id, file.id), eq(schema.files.status, "pending")))
    .returning();
  // Lost a race (a second complete, or the cleanup job): answer with whatever the row is now.
  if (!ready) return toFileDto(await loadFileFor(caller, id, "manage"), caller);
  recordUploadEvent({ event: "completed", bytes: ready.size });
  return toFileDto(ready, caller);
}
