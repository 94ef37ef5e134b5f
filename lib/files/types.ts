import type { schema } from "@/lib/db";

/** A row of `files`. */
export type FileRow = typeof schema.files.$inferSelect;
/** A row of `file_grants`. */
export type FileGrantRow = typeof schema.fileGrants.$inferSelect;

/** Who is asking: a resolved caller (only its user id and role matter here), or nobody. */
export type Actor = { user: { id: string; role: "customer" | "admin" } } | null;

/** A file as the API answers it. */
export interface FileDto {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  visibility: "public" | "private";
  purpose: FileRow["purpose"];
  status: FileRow["status"];
  ownerId: string;
  /** CDN/storage URL for public files, a short-lived signed URL for private ones; null until ready. */
  url: string | null;
  /** When `url` stops working; null for public URLs (they do not expire). */
  urlExpiresAt: string | null;
  createdAt: string;
  completedAt: string | null;
  /** Whether the caller may change visibility, share or delete it. */
  canManage: boolean;
}

/**
 * One person with read access through a grant, as the API answers it: the account's email (what
 * the owner typed to share, or the buyer's) and no name or other account detail.
 */
export interface FileGrantDto {
  userId: string;
  email: string;
  reason: FileGrantRow["reason"];
  createdAt: string;
}

/**
 * The answer to a share: the grant and the email as the sharer typed it. Nothing read from the
 * account it matched (not its name, id or stored email), so sharing cannot be used to look people up.
 */
export interface FileShareDto {
  id: string;
  email: string;
  createdAt: string;
}
