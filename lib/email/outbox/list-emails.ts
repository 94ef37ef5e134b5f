import { and, desc, eq, ilike, inArray, lt, or, type SQL } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { decodeCursor, type Page, toPage } from "@/lib/http/pagination";
import { toEmailSummary } from "./dto";
import type { EmailSummary, ListEmailsInput } from "./schemas";
import { fromApiStatus } from "./status";

const { emailOutbox: o } = schema;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `%` and `_` typed by an admin are literal characters, not wildcards. */
function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The outbox for admins, newest first, with the contract's cursor pagination and filters by status,
 * template and (part of the) recipient address. Used by GET /api/emails and /admin/emails alike.
 */
export async function listEmails(query: ListEmailsInput): Promise<Page<EmailSummary>> {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(inArray(o.status, fromApiStatus(query.status)));
  if (query.template) conditions.push(eq(o.template, query.template));
  if (query.recipient) conditions.push(ilike(o.to, `%${likeEscape(query.recipient.toLowerCase())}%`));
  const after = decodeCursor(query.cursor, 2);
  if (after) {
    const [at, id] = [new Date(String(after[0])), String(after[1])];
    if (Number.isNaN(at.getTime()) || !UUID.test(id)) throw errors.validation([{ path: "query.cursor", message: "Cursor inválido." }]);
    conditions.push(or(lt(o.createdAt, at), and(eq(o.createdAt, at), lt(o.id, id)))!);
  }
  const db = await getDb();
  const rows = await db
    .select()
    .from(o)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(o.createdAt), desc(o.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toEmailSummary, (r) => [r.createdAt.toISOString(), r.id]);
}
