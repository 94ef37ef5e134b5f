import { listEmailsOp } from "@/lib/api/ops/email";
import { listEmails } from "@/lib/email/outbox/list-emails";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(listEmailsOp, async ({ query }) => json(200, await listEmails(query)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
