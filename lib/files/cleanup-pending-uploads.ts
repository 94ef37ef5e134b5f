import { and, eq, inArray, lt } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { reportError } from "@/lib/observability/report";
import { PENDING_CLEANUP_MARGIN_MS, UPLOAD_EXPIRES_SECONDS } from "./rules";
import { fileStorage } from "./storage";

/** Options of `cleanupPendingUploads`. */
export interface CleanupOptions {
  /** Clock; defaults to now. */
  now?: Date;
  /** Pending uploads older than this are abandoned; default: form expiry + margin (75 min). */
  olderThanMs?: number;
  /** Most uploads handled in one run (the next run takes the rest). */
  limit?: number;
}

/** What a run did. */
export interface CleanupResult {
  /** Ids of the abandoned uploads retired in this run. */
  removed: string[];
  /** Objects whose deletion failed (left for an operator; the rows are already retired). */
  failed: string[];
}

/**
 * Retires uploads that were started but never completed: once their presigned form has expired
 * (plus a margin for a slow upload still streaming), nobody can finish them. Each row is first
 * flipped from pending to deleted (so a late `complete` cannot resurrect it), then its object, if
 * any bytes arrived, is removed from storage. Safe to run concurrently and repeatedly; used by
 * `scripts/cleanup-uploads.ts` and by the app's periodic job.
 */
export async function cleanupPendingUploads(options: CleanupOptions = {}): Promise<CleanupResult> {
  const now = options.now ?? new Date();
  const olderThanMs = options.olderThanMs ?? UPLOAD_EXPIRES_SECONDS * 1000 + PENDING_CLEANUP_MARGIN_MS;
  const cutoff = new Date(now.getTime() - olderThanMs);
  const db = await getDb();
  const f = schema.files;

  const candidates = await db
    .select({ id: f.id })
    .from(f)
    .where(and(eq(f.status, "pending"), lt(f.createdAt, cutoff)))
    .orderBy(f.createdAt)
    .limit(options.limit ?? 500);
  if (candidates.length === 0) return { removed: [], failed: [] };

  const retired = await db
    .update(f)
    .set({ status: "deleted", deletedAt: now })
    .where(and(inArray(f.id, candidates.map((c) => c.id)), eq(f.status, "pending")))
    .returning({ id: f.id, key: f.key });

  const { storage } = fileStorage();
  const failed: string[] = [];
  for (const row of retired) {
    try {
      await storage.delete(row.key);
    } catch (err) {
      failed.push(row.key);
      reportError(err, { op: "cleanup-pending-uploads", key: row.key });
    }
  }
  logger().info({ removed: retired.length, failed: failed.length }, "pending uploads cleaned up");
  return { removed: retired.map((r) => r.id), failed };
}
