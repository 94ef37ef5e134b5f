import { resetPassword } from "@/lib/accounts/password-reset";
import { resetPasswordOp } from "@/lib/api/ops/email";
import { json, route } from "@/lib/http/route";

export const POST = route(resetPasswordOp, async ({ params, body }) => {
  await resetPassword(params.token, body.password);
  return json(204);
});
