import { createRefundOp } from "@/lib/api/ops/commerce";
import { errors } from "@/lib/http/errors";
import { json, route } from "@/lib/http/route";
import { refundPayment } from "@/lib/payments/refund";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(createRefundOp, async ({ caller, params, body, req }) => {
  const key = req.headers.get("idempotency-key")?.trim() || undefined;
  if (key && key.length > 200) throw errors.validation([{ path: "Idempotency-Key", message: "Chave longa demais." }]);
  const { refund, replayed } = await refundPayment(caller, params.id, { amountCents: body.amountCents, idempotencyKey: key });
  return json(replayed ? 200 : 201, refund);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
