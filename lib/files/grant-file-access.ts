import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb, schema } from "@/lib/db";
import type { FileGrantRow } from "./types";

const { fileGrants } = schema;

/** Why someone other than the owner may read a file. */
export type FileGrantReason = FileGrantRow["reason"];

/** Input of `grantFileAccess`. */
export interface GrantFileAccessInput {
  fileId: string;
  userId: string;
  reason: FileGrantReason;
  /** What the grant comes from, e.g. the order id of a purchase; omit for shares. */
  source?: string | null | undefined;
  /** Who granted it (the sharing owner/admin); null for grants made by the system (payments). */
  grantedBy?: string | null | undefined;
}

/** Input of `revokeFileAccess`: the same identity as the grant. */
export type RevokeFileAccessInput = Omit<GrantFileAccessInput, "grantedBy">;

/**
 * Gives a user read access to a file. Idempotent per (file, user, reason, source): granting again
 * returns the existing grant, re-activating it if it had been revoked. Pass the open transaction
 * as `db` to grant atomically with other changes, e.g. the payments code marking an order paid:
 * `grantFileAccess({ fileId, userId, reason: "purchase", source: orderId }, tx)`.
 */
export async function grantFileAccess(input: GrantFileAccessInput, db?: Executor): Promise<FileGrantRow> {
  const d = db ?? (await getDb());
  const [row] = await d
    .insert(fileGrants)
    .values({
      fileId: input.fileId,
      userId: input.userId,
      reason: input.reason,
      source: input.source ?? null,
      grantedBy: input.grantedBy ?? null,
    })
    .onConflictDoUpdate({
      target: [fileGrants.fileId, fileGrants.userId, fileGrants.reason, fileGrants.source],
      // Keep the original grant time unless it is coming back from a revocation.
      set: {
        revokedAt: null,
        createdAt: sql`case when ${fileGrants.revokedAt} is null then ${fileGrants.createdAt} else now() end`,
        grantedBy: sql`coalesce(excluded.granted_by, ${fileGrants.grantedBy})`,
      },
    })
    .returning();
  return row!;
}

/**
 * Takes back one grant (e.g. a full refund of the order that bought the file:
 * `revokeFileAccess({ fileId, userId, reason: "purchase", source: orderId }, tx)`). Other grants of
 * the same user (another order, a share) are untouched. Returns false when there was no active
 * grant to revoke. Accepts an open transaction as `db`.
 */
export async function revokeFileAccess(input: RevokeFileAccessInput, db?: Executor): Promise<boolean> {
  const d = db ?? (await getDb());
  const source: SQL = input.source == null ? isNull(fileGrants.source) : eq(fileGrants.source, input.source);
  const rows = await d
    .update(fileGrants)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(fileGrants.fileId, input.fileId),
        eq(fileGrants.userId, input.userId),
        eq(fileGrants.reason, input.reason),
        source,
        isNull(fileGrants.revokedAt),
      ),
    )
    .returning({ id: fileGrants.id });
  return rows.length > 0;
}
