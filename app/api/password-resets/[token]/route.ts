import { resetPassword } from "@/lib/accounts/password-reset";
import { resetPasswordOp } from "@/lib/api/ops/email";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(resetPasswordOp, async ({ params, body }) => {
  await resetPassword(params.token, body.password);
  return json(204);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
