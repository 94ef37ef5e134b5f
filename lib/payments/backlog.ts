import { inArray, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { registerGaugeProvider } from "@/lib/observability/record";

/** Depth and age of the oldest unprocessed Mercado Pago notification, read at scrape time. */
export async function webhookBacklog(): Promise<{ depth: number; oldestAgeSeconds: number }> {
  const db = await getDb();
  const [row] = await db
    .select({
      depth: sql<number>`count(*)::int`,
      oldest: sql<number>`coalesce(extract(epoch from (now() - min(${schema.webhookNotifications.receivedAt}))), 0)::float8`,
    })
    .from(schema.webhookNotifications)
    .where(inArray(schema.webhookNotifications.status, ["pending", "processing"]));
  return { depth: row?.depth ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest ?? 0) };
}

registerGaugeProvider("webhook_backlog", async () => ({ mercadopago: await webhookBacklog() }));
