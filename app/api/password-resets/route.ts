import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { requestPasswordResetOp } from "@/lib/api/ops/email";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(requestPasswordResetOp, async ({ body }) => {
  await requestPasswordReset(body.email);
  return json(202);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
