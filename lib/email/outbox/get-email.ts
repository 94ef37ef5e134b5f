import { asc, eq } from "drizzle-orm";
import { renderEmailUnchecked, type RenderedEmail } from "@/emails";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { toEmailSummary } from "./dto";
import { maskSecrets } from "./mask-secrets";
import type { EmailDetail } from "./schemas";

const { emailOutbox: o, emailEvents } = schema;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stored content when the worker rendered it already, else a fresh render of the stored props. */
async function preview(row: typeof o.$inferSelect): Promise<RenderedEmail | null> {
  if (row.subject !== null && row.html !== null && row.text !== null) {
    return { subject: row.subject, html: row.html, text: row.text };
  }
  try {
    return await renderEmailUnchecked(row.template, row.props);
  } catch {
    return null;
  }
}

/**
 * One outbox email for admins: status, provider, attempts, the tracking timeline (oldest first) and
 * the email as the recipient sees it, with access-granting links masked. 404 for unknown ids.
 */
export async function getEmail(id: string): Promise<EmailDetail> {
  if (!UUID.test(id)) throw errors.notFound("E-mail");
  const db = await getDb();
  const [row] = await db.select().from(o).where(eq(o.id, id));
  if (!row) throw errors.notFound("E-mail");
  const events = await db
    .select()
    .from(emailEvents)
    .where(eq(emailEvents.emailId, id))
    .orderBy(asc(emailEvents.occurredAt), asc(emailEvents.id));
  const content = await preview(row);
  return {
    ...toEmailSummary(row),
    dedupeKey: row.dedupeKey,
    events: events.map((e) => ({
      id: e.id,
      event: e.event,
      occurredAt: e.occurredAt.toISOString(),
      data: (e.data as Record<string, unknown> | null) ?? null,
    })),
    preview: content ? maskSecrets(row.template, row.props, content) : null,
  };
}
