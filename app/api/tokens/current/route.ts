import { revokeCurrentTokenOp } from "@/lib/api/ops/accounts";
import { revokeToken } from "@/lib/auth/tokens";
import { json, route } from "@/lib/http/route";

export const DELETE = route(revokeCurrentTokenOp, async ({ caller }) => {
  await revokeToken(caller.tokenId!);
  return json(204);
});
