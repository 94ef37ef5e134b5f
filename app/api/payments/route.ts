import { createPaymentOp, listPaymentsOp } from "@/lib/api/ops/commerce";
import { json, route } from "@/lib/http/route";
import { createPayment } from "@/lib/payments/create-payment";
import { listPaymentsFor } from "@/lib/payments/get-payment";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(createPaymentOp, async ({ caller, body }) => {
  const { payment, created } = await createPayment(caller, body.orderId);
  return json(created ? 201 : 200, payment);
});

export const GET = route(listPaymentsOp, async ({ caller, query }) =>
  json(
    200,
    await listPaymentsFor(caller, {
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    }),
  ),
);

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
