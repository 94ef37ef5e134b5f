import { and, inArray, lte, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { LEASE_MS } from "./policy";

export type OutboxRow = typeof schema.emailOutbox.$inferSelect;

export interface ClaimOptions {
  limit: number;
  now: Date;
  /** Only these rows (a one-off send, tests); default: any due row. */
  ids?: readonly string[];
}

/**
 * Takes due emails for this worker: `queued` ones whose retry time has come, and `sending` ones whose
 * lease ran out (their worker died). `FOR UPDATE SKIP LOCKED` lets several workers claim at once
 * without waiting on or double-taking each other's rows; the claim itself sets a fresh lease and
 * counts the attempt, so a message that crashes its worker still runs out of attempts.
 */
export async function claimEmails(opts: ClaimOptions): Promise<OutboxRow[]> {
  const { emailOutbox: o } = schema;
  if (opts.ids && opts.ids.length === 0) return [];
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: o.id })
      .from(o)
      .where(
        and(
          inArray(o.status, ["queued", "sending"]),
          lte(o.nextAttemptAt, opts.now),
          opts.ids ? inArray(o.id, [...opts.ids]) : undefined,
        ),
      )
      .orderBy(o.nextAttemptAt)
      .limit(opts.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(o)
      .set({
        status: "sending",
        attempts: sql`${o.attempts} + 1`,
        nextAttemptAt: new Date(opts.now.getTime() + LEASE_MS),
        updatedAt: opts.now,
      })
      .where(inArray(o.id, due.map((d) => d.id)))
      .returning();
  });
}
