import { getOrderOp } from "@/lib/api/ops/commerce";
import { json, route } from "@/lib/http/route";
import { getOrderFor } from "@/lib/orders/get-order";

export const GET = route(getOrderOp, async ({ caller, params }) => json(200, await getOrderFor(caller, params.id)));
