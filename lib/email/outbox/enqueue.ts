import { type Executor, getDb, schema } from "@/lib/db";

export interface EnqueueEmail {
  template: string;
  to: string;
  props: Record<string, unknown>;
  /** Same key, same email: a second enqueue is a no-op (e.g. `payment-approved:<paymentId>`). */
  dedupeKey?: string;
  category?: "transactional" | "marketing";
}

/**
 * Puts an email in the outbox. Pass the transaction of the change that caused it, so the email
 * exists exactly when the change does. Never sends: the outbox worker does, outside any request.
 * Returns the row id, or null when the dedupe key was already used.
 */
export async function enqueueEmail(email: EnqueueEmail, db?: Executor): Promise<string | null> {
  const d = db ?? (await getDb());
  const rows = await d
    .insert(schema.emailOutbox)
    .values({
      template: email.template,
      to: email.to.trim().toLowerCase(),
      props: email.props,
      dedupeKey: email.dedupeKey ?? null,
      category: email.category ?? "transactional",
      // Due now by the workers' clock (JS, whole milliseconds). The column default, the database's
      // microsecond now(), can lie a fraction of a millisecond after a claim's `now` taken right
      // after this insert, and that claim would then skip the row.
      nextAttemptAt: new Date(),
    })
    .onConflictDoNothing({ target: schema.emailOutbox.dedupeKey })
    .returning({ id: schema.emailOutbox.id });
  return rows[0]?.id ?? null;
}
