import { listEmailsOp } from "@/lib/api/ops/email";
import { listEmails } from "@/lib/email/outbox/list-emails";
import { json, route } from "@/lib/http/route";

export const GET = route(listEmailsOp, async ({ query }) => json(200, await listEmails(query)));
