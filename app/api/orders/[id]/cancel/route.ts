import { cancelOrderOp } from "@/lib/api/ops/commerce";
import { json, route } from "@/lib/http/route";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(cancelOrderOp, async ({ caller, params }) => json(200, await cancelOrder(caller, params.id)));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
