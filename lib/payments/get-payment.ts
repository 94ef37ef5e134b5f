import { and, desc, eq, gte, ilike, lt, lte, or, type SQL } from "drizzle-orm";
import type { Caller } from "@/lib/auth/caller";
import { getDb, schema } from "@/lib/db";
import { AppError, errors } from "@/lib/http/errors";
import { decodeKeyset, type Page, toPage } from "@/lib/http/pagination";
import { isPaymentStatus, type PaymentView, toPaymentView } from "./types";

/** The caller's payment (admins: any); someone else's is a 404. */
export async function getPaymentFor(caller: Caller, paymentId: string): Promise<PaymentView> {
  const db = await getDb();
  const [row] = await db
    .select({ payment: schema.payments, userId: schema.orders.userId })
    .from(schema.payments)
    .innerJoin(schema.orders, eq(schema.orders.id, schema.payments.orderId))
    .where(eq(schema.payments.id, paymentId));
  if (!row || (caller.user.role !== "admin" && row.userId !== caller.user.id)) throw errors.notFound("Pagamento");
  return toPaymentView(row.payment);
}

export interface PaymentQuery {
  limit: number;
  cursor?: string;
  status?: string;
  from?: Date;
  to?: Date;
  /** Buyer email (partial) or order id (exact). */
  q?: string;
  orderId?: string;
}

export interface PaymentListItem extends PaymentView {
  buyerEmail: string;
  buyerName: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Payments are listed newest first on (createdAt, id). */
const PAYMENT_CURSOR = ["date", "uuid"] as const;

/** Newest first; customers see their own, admins everything with filters. */
export async function listPaymentsFor(caller: Caller, query: PaymentQuery): Promise<Page<PaymentListItem>> {
  const db = await getDb();
  const where: SQL[] = [];
  if (caller.user.role !== "admin") where.push(eq(schema.orders.userId, caller.user.id));
  if (query.status && isPaymentStatus(query.status)) where.push(eq(schema.payments.status, query.status));
  if (query.from) where.push(gte(schema.payments.createdAt, query.from));
  if (query.to) where.push(lte(schema.payments.createdAt, query.to));
  if (query.orderId) where.push(eq(schema.payments.orderId, query.orderId));
  const q = query.q?.trim();
  if (q) {
    const byEmail = ilike(schema.users.email, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(UUID.test(q) ? or(eq(schema.payments.orderId, q), eq(schema.payments.id, q), byEmail)! : or(byEmail, eq(schema.payments.mpPaymentId, q))!);
  }
  const after = decodeKeyset(query.cursor, PAYMENT_CURSOR);
  if (after) {
    const [when, id] = after;
    where.push(or(lt(schema.payments.createdAt, when), and(eq(schema.payments.createdAt, when), lt(schema.payments.id, id)))!);
  }
  const rows = await db
    .select({ payment: schema.payments, email: schema.users.email, name: schema.users.name })
    .from(schema.payments)
    .innerJoin(schema.orders, eq(schema.orders.id, schema.payments.orderId))
    .innerJoin(schema.users, eq(schema.users.id, schema.orders.userId))
    .where(and(...where))
    .orderBy(desc(schema.payments.createdAt), desc(schema.payments.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => ({ ...toPaymentView(r.payment), buyerEmail: r.email, buyerName: r.name }),
    (r) => [r.payment.createdAt.toISOString(), r.payment.id],
  );
}

/**
 * For pages, where a URL can be edited by hand: a cursor that does not decode (forged, cut short)
 * gives the first page and says so, instead of the 422 the API answers.
 */
export async function listPaymentsOrFirstPage(
  caller: Caller,
  query: PaymentQuery,
): Promise<Page<PaymentListItem> & { cursorRejected: boolean }> {
  let cursorRejected = false;
  try {
    decodeKeyset(query.cursor, PAYMENT_CURSOR);
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 422) throw err;
    cursorRejected = true;
  }
  const page = await listPaymentsFor(caller, cursorRejected ? { ...query, cursor: undefined } : query);
  return { ...page, cursorRejected };
}

/** The admin timeline: status changes, refunds and every notification received for the payment. */
export async function paymentTimeline(paymentId: string) {
  const db = await getDb();
  const [payment] = await db.select().from(schema.payments).where(eq(schema.payments.id, paymentId));
  if (!payment) throw errors.notFound("Pagamento");
  const events = await db.select().from(schema.paymentEvents).where(eq(schema.paymentEvents.paymentId, paymentId));
  const notifications = payment.mpPaymentId
    ? await db
        .select()
        .from(schema.webhookNotifications)
        .where(or(eq(schema.webhookNotifications.paymentId, paymentId), eq(schema.webhookNotifications.resourceId, payment.mpPaymentId)))
    : await db.select().from(schema.webhookNotifications).where(eq(schema.webhookNotifications.paymentId, paymentId));
  const entries = [
    ...events.map((e) => ({ at: e.createdAt, kind: e.kind, title: e.kind, detail: [e.fromStatus && `${e.fromStatus} → ${e.toStatus}`, e.detail].filter(Boolean).join(" · ") })),
    ...notifications.map((n) => ({
      at: n.receivedAt,
      kind: "notification",
      title: `notificação ${n.style} ${n.action ?? n.topic}`,
      detail: `assinatura: ${n.verification} · ${n.status}${n.attempts ? ` · ${n.attempts} tentativa(s)` : ""}${n.lastError ? ` · ${n.lastError}` : ""}`,
    })),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
