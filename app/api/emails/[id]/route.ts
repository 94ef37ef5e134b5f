import { getEmailOp } from "@/lib/api/ops/email";
import { getEmail } from "@/lib/email/outbox/get-email";
import { json, route } from "@/lib/http/route";

export const GET = route(getEmailOp, async ({ params }) => json(200, await getEmail(params.id)));
