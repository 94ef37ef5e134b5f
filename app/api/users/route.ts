import { createUser } from "@/lib/accounts/users";
import { createUserOp } from "@/lib/api/ops/accounts";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(createUserOp, async ({ body }) => json(201, { user: await createUser(body) }));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
