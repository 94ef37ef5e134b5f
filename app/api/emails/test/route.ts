import { sendTestEmailOp } from "@/lib/api/ops/email";
import { sendTestEmail } from "@/lib/email/outbox/send-test-email";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(sendTestEmailOp, async ({ body }) => {
  const { id } = await sendTestEmail(body);
  return json(202, { id, status: "queued" });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
