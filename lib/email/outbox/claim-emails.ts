import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { LEASE_MS } from "./policy";

export type OutboxRow = typeof schema.emailOutbox.$inferSelect;

export interface ClaimOptions {
  limit: number;
  now: Date;
  /** Only these rows (a one-off send, tests); default: any due row. */
  ids?: readonly string[];
  /** How long the claim holds; `processOutbox` sizes it to its batch (`leaseMsFor`). Default `LEASE_MS`. */
  leaseMs?: number;
}

/**
 * Takes due emails for this worker: `queued` ones whose retry time has come, and `sending` ones whose
 * lease ran out (their worker died). `FOR UPDATE SKIP LOCKED` lets several workers claim at once
 * without waiting on or double-taking each other's rows; the claim itself sets a fresh lease and
 * counts the attempt, so a message that crashes its worker still runs out of attempts. The returned
 * `attempts` identifies this claim: every result write is guarded by it (see `deliverEmail`).
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
        nextAttemptAt: new Date(opts.now.getTime() + (opts.leaseMs ?? LEASE_MS)),
        updatedAt: opts.now,
      })
      .where(inArray(o.id, due.map((d) => d.id)))
      .returning();
  });
}

/**
 * The condition under which `row`'s claim still holds: nobody re-claimed it (that would have
 * counted another attempt) and nobody recorded a result for it.
 */
export function claimHeldBy(row: Pick<OutboxRow, "id" | "attempts">) {
  const { emailOutbox: o } = schema;
  return and(eq(o.id, row.id), eq(o.attempts, row.attempts), eq(o.status, "sending"));
}

/**
 * Whether this worker still holds `row`, checked right before sending. Not atomic with the send (a
 * provider call cannot join a transaction), so it only narrows the window in which a worker whose
 * lease ran out sends a duplicate; the lease size (`leaseMsFor`) is what keeps that window closed.
 */
export async function stillClaimed(row: Pick<OutboxRow, "id" | "attempts">): Promise<boolean> {
  const db = await getDb();
  const [held] = await db.select({ id: schema.emailOutbox.id }).from(schema.emailOutbox).where(claimHeldBy(row));
  return Boolean(held);
}
