import { getEmailOp } from "@/lib/api/ops/email";
import { getEmail } from "@/lib/email/outbox/get-email";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(getEmailOp, async ({ params }) => json(200, await getEmail(params.id)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
