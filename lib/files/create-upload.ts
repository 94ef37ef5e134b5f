import { getDb, schema } from "@/lib/db";
import { AppError, errors } from "@/lib/http/errors";
import { toFileDto } from "./dto";
import { createObjectKey, type ObjectVisibility } from "./keys";
import { recordUploadEvent } from "./metrics";
import { checkUpload, type UploadProblem, type UploadPurpose } from "./policy";
import { cacheControlFor, UPLOAD_EXPIRES_SECONDS } from "./rules";
import { fileStorage } from "./storage";
import type { Actor, FileDto } from "./types";

/** What the client declares before uploading. */
export interface CreateUploadInput {
  filename: string;
  contentType: string;
  size: number;
  visibility: ObjectVisibility;
  purpose?: UploadPurpose | undefined;
}

/** The pending file and the form the client posts straight to storage. */
export interface CreatedUpload {
  file: FileDto;
  upload: { method: "POST"; url: string; fields: Record<string, string> };
  expiresAt: string;
}

/** Purposes that become part of the catalog: only admins upload product images and digital goods. */
const ADMIN_PURPOSES: readonly UploadPurpose[] = ["product-image", "digital-good"];

const PROBLEM_FIELD: Record<UploadProblem["kind"], string> = {
  "bad-filename": "filename",
  "type-not-allowed": "contentType",
  "too-large": "size",
  "bad-size": "size",
};

/** The contract's error for a refused declaration: the status of the first problem, all as details. */
function problemError(status: 413 | 415 | 422, problems: UploadProblem[]): AppError {
  const first = problems.find((p) => p.status === status) ?? problems[0]!;
  const details = problems.map((p) => ({ path: PROBLEM_FIELD[p.kind], message: p.message, code: p.kind }));
  if (status === 413) return new AppError(413, "payload_too_large", first.message, details);
  if (status === 415) return new AppError(415, "unsupported_media_type", first.message, details);
  return errors.validation(details, first.message);
}

/**
 * Starts an upload: validates name, declared type (allow-list per purpose) and size (limit per
 * purpose), records a pending file under a generated key and presigns a POST whose policy pins the
 * exact size, the exact type, the key and the Cache-Control, valid for a few minutes. The bytes go
 * from the client to storage; `completeUpload` then checks what actually arrived.
 */
export async function createUpload(caller: NonNullable<Actor>, input: CreateUploadInput, now: Date = new Date()): Promise<CreatedUpload> {
  const check = checkUpload(input);
  if (!check.ok) {
    recordUploadEvent({ event: "rejected", reason: check.problems.find((p) => p.status === check.status)!.kind });
    throw problemError(check.status, check.problems);
  }
  if (ADMIN_PURPOSES.includes(check.purpose) && caller.user.role !== "admin") {
    recordUploadEvent({ event: "rejected", reason: "purpose-not-allowed" });
    throw errors.forbidden("Só a equipe da loja envia imagens de produto e produtos digitais.");
  }
  if (check.purpose === "digital-good" && input.visibility !== "private") {
    recordUploadEvent({ event: "rejected", reason: "purpose-not-allowed" });
    throw errors.rule("digital_good_must_be_private", "Produtos digitais ficam privados: só quem compra pode baixar.", [
      { path: "visibility", message: "Use visibility \"private\"." },
    ]);
  }

  const key = createObjectKey({ visibility: input.visibility, contentType: check.contentType, now });
  const cacheControl = cacheControlFor(input.visibility);
  const presigned = await fileStorage().storage.presignUpload({
    key,
    contentType: check.contentType,
    size: check.size,
    cacheControl,
    expiresInSeconds: UPLOAD_EXPIRES_SECONDS,
  });

  const db = await getDb();
  const [row] = await db
    .insert(schema.files)
    .values({
      ownerId: caller.user.id,
      key,
      visibility: input.visibility,
      purpose: check.purpose,
      status: "pending",
      filename: check.filename,
      contentType: check.contentType,
      size: check.size,
      cacheControl,
      // Set here (millisecond precision) rather than by now(): list cursors compare JS dates.
      createdAt: now,
    })
    .returning();
  recordUploadEvent({ event: "started", bytes: check.size });
  return {
    file: await toFileDto(row!, caller, now),
    upload: { method: "POST", url: presigned.url, fields: presigned.fields },
    // Whole seconds, like the policy's own `expiration`: never later than what S3 will enforce.
    expiresAt: new Date(Math.floor(presigned.expiresAt.getTime() / 1000) * 1000).toISOString(),
  };
}
