import { getMeOp } from "@/lib/api/ops/accounts";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(getMeOp, async ({ caller }) => json(200, { user: caller.user }));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
