import { createOrderOp, listOrdersOp } from "@/lib/api/ops/commerce";
import { json, route } from "@/lib/http/route";
import { createOrder } from "@/lib/orders/create-order";
import { listOrdersFor } from "@/lib/orders/get-order";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(createOrderOp, async ({ caller, body }) =>
  json(201, await createOrder(caller.user.id, body.items.map((i) => ({ productId: i.productId, quantity: i.quantity })))),
);

export const GET = route(listOrdersOp, async ({ caller, query }) => json(200, await listOrdersFor(caller, query)));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
