import { cancelOrderOp } from "@/lib/api/ops/commerce";
import { json, route } from "@/lib/http/route";
import { cancelOrder } from "@/lib/orders/cancel-order";

export const POST = route(cancelOrderOp, async ({ caller, params }) => json(200, await cancelOrder(caller, params.id)));
