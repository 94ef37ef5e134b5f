import { sendgridWebhookOp } from "@/lib/api/ops/email";
import { receiveSendGridWebhook } from "@/lib/email/outbox/receive-sendgrid-webhook";
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER } from "@/lib/email/sendgrid-webhook";
import { errors } from "@/lib/http/errors";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

/** SendGrid batches many events per POST; anything far bigger is not SendGrid. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

// The signature covers the exact bytes, so the op declares no body and the raw text is read here.
export const POST = route(sendgridWebhookOp, async ({ req }) => {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) throw errors.tooLarge("Lote de eventos grande demais.");
  const rawBody = await req.text();
  if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) throw errors.tooLarge("Lote de eventos grande demais.");
  const result = await receiveSendGridWebhook({
    rawBody,
    signature: req.headers.get(SENDGRID_SIGNATURE_HEADER),
    timestamp: req.headers.get(SENDGRID_TIMESTAMP_HEADER),
  });
  return json(200, result);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
