import { buildOpenApi } from "@/lib/api/openapi";
import { openapiOp } from "@/lib/api/ops/system";
import { config } from "@/lib/config";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(openapiOp, async () => json(200, buildOpenApi(undefined, config().appUrl)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
