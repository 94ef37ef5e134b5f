import { getMeOp } from "@/lib/api/ops/accounts";
import { json, route } from "@/lib/http/route";

export const GET = route(getMeOp, async ({ caller }) => json(200, { user: caller.user }));
