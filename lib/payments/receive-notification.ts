import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { getDb, schema } from "@/lib/db";
import { AppError, errors } from "@/lib/http/errors";
import { verifyWebhookSignature } from "@/lib/integrations/mercadopago/signature";
import { recordWebhookEvent } from "./webhook-metrics";

export interface IncomingNotification {
  url: URL;
  headers: Headers;
  rawBody: string;
}

export interface Received {
  duplicate: boolean;
  id?: string;
}

function parseBody(raw: string): Record<string, unknown> | undefined {
  if (!raw.trim()) return undefined;
  try {
    const parsed = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw errors.malformedJson();
}

function reject(reason: string, err: AppError): never {
  recordWebhookEvent("rejected", reason);
  throw err;
}

/** Notifications are small JSON documents; anything bigger is not from Mercado Pago. */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;
/** Unverifiable legacy IPN calls accepted per minute, so forged ones cannot flood the queue. */
const IPN_PER_MINUTE = config().mercadopago.ipnPerMinute;

async function takeIpnAllowance(): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .insert(schema.rateLimits)
    .values({ key: "webhook:mercadopago:ipn", count: 1, windowStartedAt: new Date() })
    .onConflictDoUpdate({
      target: schema.rateLimits.key,
      set: {
        count: sql`case when ${schema.rateLimits.windowStartedAt} + interval '1 minute' < now() then 1 else ${schema.rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${schema.rateLimits.windowStartedAt} + interval '1 minute' < now() then now() else ${schema.rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ count: schema.rateLimits.count });
  return (row?.count ?? 0) <= IPN_PER_MINUTE;
}

/**
 * The acknowledgement path of POST /api/webhooks/mercadopago, kept to the minimum: check the size,
 * verify the signature (before parsing anything), record the notification once (a duplicate is
 * acknowledged and ignored) and return. Processing happens in the worker, never here, so the ack
 * never waits on Mercado Pago.
 */
export async function receiveMercadoPagoNotification(n: IncomingNotification): Promise<Received> {
  const secret = config().mercadopago.webhookSecret;
  if (!secret) throw errors.unavailable("Webhook do Mercado Pago não configurado.");
  if (Buffer.byteLength(n.rawBody) > MAX_NOTIFICATION_BYTES) {
    reject("malformed", errors.tooLarge("Notificação grande demais."));
  }
  const q = n.url.searchParams;
  const requestId = n.headers.get("x-request-id");

  // Webhooks: ?data.id=…&type=… (signed over data.id). Legacy IPN: ?topic=…&id=… (unverifiable).
  const style = q.get("topic") && q.get("id") ? "ipn" : "webhook";
  const resourceId = style === "ipn" ? q.get("id") : q.get("data.id");
  if (!resourceId || !(style === "ipn" ? /^\d{1,20}$/ : /^[A-Za-z0-9_-]{1,64}$/).test(resourceId)) {
    reject("malformed", errors.badRequest("Notificação sem id de recurso válido."));
  }

  let verification: string;
  const checked = verifyWebhookSignature({ xSignature: n.headers.get("x-signature"), xRequestId: requestId, dataId: resourceId, secret });
  if (checked.ok) {
    verification = "valid";
  } else if (style === "ipn") {
    // Mercado Pago documents IPN as unverifiable with the secret (its x-signature, when present,
    // does not validate). Accepting it is safe only because processing never trusts a
    // notification: it fetches the payment from Mercado Pago. Bounded per minute, deduped per id.
    if (!(await takeIpnAllowance())) {
      recordWebhookEvent("rejected", "ipn_rate_limited");
      throw errors.rateLimited(60);
    }
    verification = "unverified_ipn";
  } else {
    const stale = checked.reason === "stale_timestamp";
    reject(checked.reason, new AppError(401, stale ? "stale_signature" : "invalid_signature", stale ? "Assinatura expirada." : "Assinatura inválida."));
  }

  let body: Record<string, unknown> | undefined;
  try {
    body = parseBody(n.rawBody);
  } catch (err) {
    reject("malformed", err as AppError);
  }
  const topic = style === "ipn" ? q.get("topic")! : (q.get("type") ?? (typeof body?.type === "string" ? body.type : null));
  if (!topic) reject("malformed", errors.badRequest("Notificação sem tipo."));

  const notificationId = body?.id !== undefined ? String(body.id) : null;
  const dedupeKey =
    style === "webhook"
      ? notificationId
        ? `webhook:${notificationId}`
        : `webhook:${topic}:${resourceId}:${body?.action ?? ""}:${requestId ?? createHash("sha256").update(n.rawBody).digest("hex")}`
      : `ipn:${topic}:${resourceId}`;

  const db = await getDb();
  const wn = schema.webhookNotifications;
  const insert = db
    .insert(wn)
    .values({
      provider: "mercadopago",
      dedupeKey,
      style,
      topic: topic!,
      action: typeof body?.action === "string" ? body.action : null,
      resourceId: resourceId!,
      verification,
      requestId,
      body: body ?? null,
      // Only payments change orders; other topics are recorded and acknowledged.
      status: topic === "payment" ? "pending" : "ignored",
      // Due by the worker's clock (see enqueueEmail: the database default is finer than a JS Date).
      nextAttemptAt: new Date(),
    });
  // A repeated IPN for a payment is one queue row: it asks for a fresh look only once the previous
  // one is done. Signed webhooks are deduped on Mercado Pago's notification id.
  const rows = await (style === "ipn" && topic === "payment"
    ? insert.onConflictDoUpdate({
        target: [wn.provider, wn.dedupeKey],
        set: { status: "pending", nextAttemptAt: new Date(), attempts: 0, receivedAt: new Date(), requestId },
        setWhere: sql`${wn.status} not in ('pending', 'processing')`,
      })
    : insert.onConflictDoNothing()
  ).returning({ id: wn.id });
  recordWebhookEvent(rows[0] ? "received" : "duplicate");
  return rows[0] ? { duplicate: false, id: rows[0].id } : { duplicate: true };
}
