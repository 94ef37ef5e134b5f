import { sendTestEmailOp } from "@/lib/api/ops/email";
import { sendTestEmail } from "@/lib/email/outbox/send-test-email";
import { json, route } from "@/lib/http/route";

export const POST = route(sendTestEmailOp, async ({ body }) => {
  const { id } = await sendTestEmail(body);
  return json(202, { id, status: "queued" });
});
