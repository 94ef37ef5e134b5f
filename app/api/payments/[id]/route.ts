import { getPaymentOp } from "@/lib/api/ops/commerce";
import { json, route } from "@/lib/http/route";
import { getPaymentFor } from "@/lib/payments/get-payment";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(getPaymentOp, async ({ caller, params }) => json(200, await getPaymentFor(caller, params.id)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
