import { and, count, desc, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";

const TZ = "America/Sao_Paulo";

/** Midnight today and on the 1st of this month in São Paulo, as instants. */
function boundaries(now = new Date()) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  const [y, m, d] = parts.split("-").map(Number) as [number, number, number];
  // São Paulo has no DST since 2019: UTC-3.
  const today = new Date(Date.UTC(y, m - 1, d, 3));
  const month = new Date(Date.UTC(y, m - 1, 1, 3));
  return { today, month };
}

/** Figures for the admin dashboard, all in centavos. Revenue is approved minus refunded. */
export async function dashboardFigures() {
  const db = await getDb();
  const { today, month } = boundaries();
  const revenue = (since: Date) =>
    db
      .select({ cents: sql<number>`coalesce(sum(${schema.payments.amountCents} - ${schema.payments.refundedCents}), 0)::int` })
      .from(schema.payments)
      .where(and(isNotNull(schema.payments.approvedAt), gte(schema.payments.approvedAt, since)));
  const since30 = new Date(Date.now() - 29 * 86_400_000);
  const failing = inArray(schema.webhookNotifications.status, ["failed", "flagged"]);
  const [[todayRow], [monthRow], byStatus, perDay, failingWebhooks, failingCount, stuckWebhooks, attention] = await Promise.all([
    revenue(today),
    revenue(month),
    db.select({ status: schema.payments.status, n: count() }).from(schema.payments).groupBy(schema.payments.status),
    db
      .select({
        day: sql<string>`to_char(${schema.payments.approvedAt} at time zone ${TZ}, 'YYYY-MM-DD')`,
        cents: sql<number>`sum(${schema.payments.amountCents})::int`,
      })
      .from(schema.payments)
      .where(and(isNotNull(schema.payments.approvedAt), gte(schema.payments.approvedAt, since30)))
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db
      .select()
      .from(schema.webhookNotifications)
      .where(failing)
      .orderBy(desc(schema.webhookNotifications.receivedAt))
      .limit(10),
    db.select({ n: count() }).from(schema.webhookNotifications).where(failing),
    db
      .select({ n: count() })
      .from(schema.webhookNotifications)
      .where(and(inArray(schema.webhookNotifications.status, ["pending", "processing"]), lt(schema.webhookNotifications.receivedAt, new Date(Date.now() - 5 * 60_000)))),
    db.select().from(schema.orders).where(isNotNull(schema.orders.attention)).orderBy(desc(schema.orders.updatedAt)).limit(10),
  ]);
  const days: { day: string; cents: number }[] = [];
  const map = new Map(perDay.map((r) => [r.day, r.cents]));
  for (let i = 29; i >= 0; i--) {
    const d = new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date(Date.now() - i * 86_400_000));
    days.push({ day: d, cents: map.get(d) ?? 0 });
  }
  return {
    todayCents: todayRow?.cents ?? 0,
    monthCents: monthRow?.cents ?? 0,
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Record<string, number>,
    perDay: days,
    /** The latest 10 failed or flagged notifications, for the list. */
    failingWebhooks,
    /** How many there are in all (the list above is capped). */
    failingWebhookCount: failingCount[0]?.n ?? 0,
    stuckWebhooks: stuckWebhooks[0]?.n ?? 0,
    attention,
  };
}

