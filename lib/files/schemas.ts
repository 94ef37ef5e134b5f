import { z } from "zod";
import { UPLOAD_RULES } from "./policy";

/** API shapes of the files feature: validate requests, check answers in tests, feed OpenAPI. */

export const VisibilitySchema = z.enum(["public", "private"]);
export const PurposeSchema = z.enum(Object.keys(UPLOAD_RULES) as ["product-image", "digital-good", "user-file"]);

export const FileSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().describe("Bytes"),
  visibility: VisibilitySchema,
  purpose: PurposeSchema,
  status: z.enum(["pending", "ready", "deleted"]),
  ownerId: z.string(),
  url: z.string().nullable().describe("CDN URL (public) or short-lived signed URL (private); null until ready"),
  urlExpiresAt: z.iso.datetime().nullable().describe("When a signed url expires; null for public URLs"),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  canManage: z.boolean().describe("Whether the caller may change visibility, share or delete it"),
});

/** Strict: in tests (response validation) an extra account detail such as a name fails the contract. */
export const FileGrantSchema = z.strictObject({
  userId: z.string().describe("The grantee's user id (for DELETE /api/files/{id}/grants/{userId})"),
  email: z.string(),
  reason: z.enum(["share", "purchase"]),
  createdAt: z.iso.datetime(),
});

/** The answer to a share: the grant and the email as typed, nothing about the account it matched. */
export const FileShareSchema = z.strictObject({
  id: z.string().describe("The grant's id"),
  email: z.string().describe("The email as sent in the request (trimmed)"),
  createdAt: z.iso.datetime().describe("When the share was granted (unchanged when it already existed)"),
});

export const CreateUploadBody = z.object({
  filename: z.string().min(1, "Informe o nome do arquivo.").max(1024),
  contentType: z.string().trim().min(1, "Informe o tipo do arquivo.").max(255),
  size: z.number().int("Tamanho inválido.").min(0).max(Number.MAX_SAFE_INTEGER),
  visibility: VisibilitySchema,
  purpose: PurposeSchema.optional(),
});

export const CreatedUploadSchema = z.object({
  file: FileSchema,
  upload: z.object({
    method: z.literal("POST"),
    url: z.string(),
    fields: z.record(z.string(), z.string()).describe("Form fields to send before the `file` field"),
  }),
  expiresAt: z.iso.datetime(),
});

/** Ids are opaque strings; a malformed one answers 404 like any unknown id (see lib/files/access). */
export const FileIdParams = z.object({ id: z.string().min(1).max(64) });
