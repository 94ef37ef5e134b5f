import { getPaymentOp } from "@/lib/api/ops/commerce";
import { json, route } from "@/lib/http/route";
import { getPaymentFor } from "@/lib/payments/get-payment";

export const GET = route(getPaymentOp, async ({ caller, params }) => json(200, await getPaymentFor(caller, params.id)));
