import { z } from "zod";
import {
  CreatedUploadSchema,
  CreateUploadBody,
  FileGrantSchema,
  FileIdParams,
  FileSchema,
  FileShareSchema,
  VisibilitySchema,
} from "@/lib/files/schemas";
import { defineOperation } from "@/lib/http/operation";
import { pageQuery } from "@/lib/http/pagination";
import { listOf } from "../schemas";

const tags = ["Files"];

export const createUploadOp = defineOperation({
  id: "createUpload",
  method: "POST",
  path: "/api/uploads",
  summary: "Start an upload: validates the declared file and answers a presigned POST to storage",
  description:
    "The client then posts `multipart/form-data` straight to `upload.url` with every field of `upload.fields` followed by the file as the last field `file`, and calls POST /api/uploads/{fileId}/complete. The policy pins the exact size and Content-Type and expires at `expiresAt`. `product-image` and `digital-good` purposes are for admins; digital goods must be private.",
  tags,
  auth: "user",
  body: CreateUploadBody,
  responses: { 201: { description: "Pending file and the upload form", schema: CreatedUploadSchema } },
  errors: [403, 413, 415, 422, 503],
});

export const completeUploadOp = defineOperation({
  id: "completeUpload",
  method: "POST",
  path: "/api/uploads/{fileId}/complete",
  summary: "Finish an upload: the stored object is checked (exists, size, type, magic number)",
  description:
    "422 `upload_rejected` when the object breaks the declaration (it is deleted and the file is gone); 422 `upload_missing` when nothing arrived yet (the upload stays pending). Repeating it for a ready file answers the file. On success the checked bytes are copied to a new storage key and the upload key is deleted: posting the form again afterwards changes nothing that is served.",
  tags,
  auth: "user",
  params: z.object({ fileId: z.string().min(1).max(64) }),
  responses: { 200: { description: "The file, now ready", schema: z.object({ file: FileSchema }) } },
  errors: [404, 422, 503],
});

export const listFilesOp = defineOperation({
  id: "listFiles",
  method: "GET",
  path: "/api/files",
  summary: "List files: your uploads (admin: all), or files shared with/sold to you",
  tags,
  auth: "user",
  query: pageQuery.extend({
    scope: z
      .enum(["owned", "shared", "all"])
      .optional()
      .describe("owned (default for customers), shared (others' files you can read), all (admins; their default)"),
  }),
  responses: { 200: { description: "OK", schema: listOf(FileSchema) } },
  errors: [403, 503],
});

export const getFileOp = defineOperation({
  id: "getFile",
  method: "GET",
  path: "/api/files/{id}",
  summary: "One file with a URL to view it (public files: anyone; private: owner, admins, grantees)",
  tags,
  auth: "public",
  params: FileIdParams,
  responses: { 200: { description: "OK", schema: FileSchema } },
  errors: [404, 503],
});

export const downloadFileOp = defineOperation({
  id: "downloadFile",
  method: "GET",
  path: "/api/files/{id}/download",
  summary: "Redirect (302) to a short-lived signed URL that downloads the file as an attachment",
  tags,
  auth: "public",
  params: FileIdParams,
  responses: { 302: { description: "Location: the signed download URL" } },
  errors: [404, 409, 503],
});

export const updateFileOp = defineOperation({
  id: "updateFile",
  method: "PATCH",
  path: "/api/files/{id}",
  summary: "Change a file's visibility (owner, admin); the object moves between public/ and private/",
  tags,
  auth: "user",
  params: FileIdParams,
  body: z.object({ visibility: VisibilitySchema }),
  responses: { 200: { description: "OK", schema: FileSchema } },
  errors: [404, 409, 503],
});

export const deleteFileOp = defineOperation({
  id: "deleteFile",
  method: "DELETE",
  path: "/api/files/{id}",
  summary: "Delete a file (owner, admin): object removed from storage, CDN cache invalidated",
  tags,
  auth: "user",
  params: FileIdParams,
  responses: { 204: { description: "Deleted" } },
  errors: [404, 409, 502, 503],
});

export const listFileGrantsOp = defineOperation({
  id: "listFileGrants",
  method: "GET",
  path: "/api/files/{id}/grants",
  summary: "Who else can read the file: shares and purchases, by email (owner, admin)",
  tags,
  auth: "user",
  params: FileIdParams,
  responses: { 200: { description: "OK", schema: listOf(FileGrantSchema) } },
  errors: [404, 503],
});

export const createFileGrantOp = defineOperation({
  id: "createFileGrant",
  method: "POST",
  path: "/api/files/{id}/grants",
  summary: "Share a file with the account that has this email (owner, admin)",
  description:
    "The answer is the grant's id and time and the email as sent: never the account's name or id. 422 `user_not_found` when no account has the email (nothing was shared), 422 `grant_to_owner` for the owner's own email, 409 `file_not_ready` while the upload is not finished.",
  tags,
  auth: "user",
  params: FileIdParams,
  body: z.object({ email: z.string().trim().min(1, "Informe o e-mail.").max(254) }),
  responses: {
    201: { description: "Shared", schema: z.object({ grant: FileShareSchema }) },
    200: { description: "Already shared with this user", schema: z.object({ grant: FileShareSchema }) },
  },
  errors: [404, 409, 422, 503],
});

export const deleteFileGrantOp = defineOperation({
  id: "deleteFileGrant",
  method: "DELETE",
  path: "/api/files/{id}/grants/{userId}",
  summary: "Stop sharing a file with a user (owner, admin); purchases are revoked by refunds",
  tags,
  auth: "user",
  params: FileIdParams.extend({ userId: z.string().min(1).max(64) }),
  responses: { 204: { description: "No longer shared" } },
  errors: [404, 503],
});
