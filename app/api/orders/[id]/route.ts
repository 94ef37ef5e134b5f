import { getOrderOp } from "@/lib/api/ops/commerce";
import { json, route } from "@/lib/http/route";
import { getOrderFor } from "@/lib/orders/get-order";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(getOrderOp, async ({ caller, params }) => json(200, await getOrderFor(caller, params.id)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
