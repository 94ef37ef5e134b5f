import { mercadoPagoWebhookOp } from "@/lib/api/ops/commerce";
import { errors } from "@/lib/http/errors";
import { json, route } from "@/lib/http/route";
import { MAX_NOTIFICATION_BYTES, receiveMercadoPagoNotification } from "@/lib/payments/receive-notification";
import { kickWebhookWorker } from "@/lib/payments/worker";
import { otherMethods } from "@/lib/http/method-not-allowed";

/** Verify, record once, acknowledge. Processing happens in the worker, never in the ack. */
export const POST = route(mercadoPagoWebhookOp, async ({ req }) => {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_NOTIFICATION_BYTES) throw errors.tooLarge("Notificação grande demais.");
  const received = await receiveMercadoPagoNotification({ url: new URL(req.url), headers: req.headers, rawBody: await req.text() });
  if (!received.duplicate) kickWebhookWorker();
  return json(200, { received: true, duplicate: received.duplicate });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
