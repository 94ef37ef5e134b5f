import { createHash } from "node:crypto";
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

/**
 * The acknowledgement path of POST /api/webhooks/mercadopago, kept to the minimum: verify the
 * signature, record the notification once (a duplicate is acknowledged and ignored) and return.
 * Processing happens in the worker, never here, so the ack never waits on Mercado Pago.
 */
export async function receiveMercadoPagoNotification(n: IncomingNotification): Promise<Received> {
  const secret = config().mercadopago.webhookSecret;
  if (!secret) throw errors.unavailable("Webhook do Mercado Pago não configurado.");
  const q = n.url.searchParams;
  let body: Record<string, unknown> | undefined;
  try {
    body = parseBody(n.rawBody);
  } catch (err) {
    reject("malformed", err as AppError);
  }
  const data = body?.data as { id?: unknown } | undefined;
  const requestId = n.headers.get("x-request-id");

  // Webhooks: ?data.id=…&type=… (signed). Legacy IPN: ?topic=…&id=… .
  const webhookId = q.get("data.id") ?? (typeof data?.id === "string" || typeof data?.id === "number" ? String(data.id) : null);
  const style = q.get("topic") && q.get("id") ? "ipn" : "webhook";
  const topic = style === "ipn" ? q.get("topic")! : (q.get("type") ?? (typeof body?.type === "string" ? body.type : null));
  const resourceId = style === "ipn" ? q.get("id")! : webhookId;
  if (!topic || !resourceId || !/^[A-Za-z0-9_-]{1,64}$/.test(resourceId)) {
    reject("malformed", errors.badRequest("Notificação sem tipo ou id de recurso."));
  }

  let verification: string;
  const checked = verifyWebhookSignature({
    xSignature: n.headers.get("x-signature"),
    xRequestId: requestId,
    dataId: style === "ipn" ? resourceId : q.get("data.id"),
    secret,
  });
  if (checked.ok) {
    verification = "valid";
  } else if (style === "ipn" && checked.reason === "missing_signature") {
    // Mercado Pago documents IPN as unverifiable with the secret. Accepting it is safe only
    // because processing never trusts a notification: it fetches the payment from Mercado Pago.
    verification = "unsigned_ipn";
  } else {
    const stale = checked.reason === "stale_timestamp";
    reject(checked.reason, new AppError(401, stale ? "stale_signature" : "invalid_signature", stale ? "Assinatura expirada." : "Assinatura inválida."));
  }

  const notificationId = body?.id !== undefined ? String(body.id) : null;
  const dedupeKey =
    style === "webhook"
      ? notificationId
        ? `webhook:${notificationId}`
        : `webhook:${topic}:${resourceId}:${body?.action ?? ""}:${requestId ?? createHash("sha256").update(n.rawBody).digest("hex")}`
      : `ipn:${topic}:${resourceId}:${requestId ?? Date.now()}`;

  const db = await getDb();
  const rows = await db
    .insert(schema.webhookNotifications)
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
    })
    .onConflictDoNothing()
    .returning({ id: schema.webhookNotifications.id });
  recordWebhookEvent(rows[0] ? "received" : "duplicate");
  return rows[0] ? { duplicate: false, id: rows[0].id } : { duplicate: true };
}
