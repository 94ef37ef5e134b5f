import { toPublicUser } from "@/lib/accounts/users";
import { createTokenOp } from "@/lib/api/ops/accounts";
import { clientIp, verifyCredentials } from "@/lib/auth/credentials";
import { issueToken } from "@/lib/auth/tokens";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(createTokenOp, async ({ body, req }) => {
  const user = await verifyCredentials(body.email, body.password, clientIp(req.headers));
  const { token, expiresAt } = await issueToken(user.id, body.deviceName);
  return json(201, { token, tokenType: "Bearer", expiresAt: expiresAt.toISOString(), user: toPublicUser(user) });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
