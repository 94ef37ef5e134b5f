import { mercadoPagoWebhookOp } from "@/lib/api/ops/commerce";
import { json, route } from "@/lib/http/route";
import { receiveMercadoPagoNotification } from "@/lib/payments/receive-notification";
import { kickWebhookWorker } from "@/lib/payments/worker";

/** Verify, record once, acknowledge. Processing happens in the worker, never in the ack. */
export const POST = route(mercadoPagoWebhookOp, async ({ req }) => {
  const received = await receiveMercadoPagoNotification({ url: new URL(req.url), headers: req.headers, rawBody: await req.text() });
  if (!received.duplicate) kickWebhookWorker();
  return json(200, { received: true, duplicate: received.duplicate });
});
