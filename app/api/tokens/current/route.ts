import { revokeCurrentTokenOp } from "@/lib/api/ops/accounts";
import { revokeToken } from "@/lib/auth/tokens";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const DELETE = route(revokeCurrentTokenOp, async ({ caller }) => {
  await revokeToken(caller.tokenId!);
  return json(204);
});

export const { GET, POST, PUT, PATCH } = otherMethods({ DELETE });
