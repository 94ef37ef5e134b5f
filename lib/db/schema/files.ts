import { bigint, index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

export const fileVisibility = pgEnum("file_visibility", ["public", "private"]);
export const fileStatus = pgEnum("file_status", ["pending", "ready", "deleted"]);
export const filePurpose = pgEnum("file_purpose", ["product-image", "digital-good", "user-file"]);
export const fileGrantReason = pgEnum("file_grant_reason", ["share", "purchase"]);

/**
 * Stored files. The bytes live in S3 under `key` (generated, never derived from the client's
 * filename); this row is the metadata and, with `file_grants`, the ACL. Rows are soft-deleted so
 * an id never comes back to life and the cleanup job can see what it removed.
 */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    /** S3 object key: `public/yyyy/mm/<uuid>.<ext>` or `private/<uuid>.<ext>` (lib/files/keys.ts). */
    key: text("key").notNull(),
    visibility: fileVisibility("visibility").notNull(),
    purpose: filePurpose("purpose").notNull().default("user-file"),
    status: fileStatus("status").notNull().default("pending"),
    /** Sanitized display name; shown in the UI and in Content-Disposition, never used in keys. */
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    /**
     * Pixel size of a product image as displayed (EXIF orientation applied), read when the upload
     * completed; null for other files. The stored width variants follow from it (lib/files/image-variants.ts).
     */
    width: integer("width"),
    height: integer("height"),
    /** The Cache-Control the object was stored with (pinned by the upload policy). */
    cacheControl: text("cache_control").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("files_key_key").on(t.key),
    index("files_owner_idx").on(t.ownerId, t.createdAt, t.id),
    index("files_status_created_idx").on(t.status, t.createdAt),
  ],
);

/**
 * Read access to a file for someone other than its owner: an explicit share, or a purchase of the
 * digital product the file belongs to (`source` = the order id). Revoking keeps the row with
 * `revokedAt` set, so the history of who could read what stays auditable.
 */
export const fileGrants = pgTable(
  "file_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: fileGrantReason("reason").notNull(),
    /** What the grant comes from, e.g. the order id for purchases; null for shares. */
    source: text("source"),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    // NULLS NOT DISTINCT (PostgreSQL 15+): one share row per (file, user) even though source is null.
    unique("file_grants_key").on(t.fileId, t.userId, t.reason, t.source).nullsNotDistinct(),
    index("file_grants_user_idx").on(t.userId, t.fileId),
  ],
);
