import { errors } from "@/lib/http/errors";
import { errorResponse } from "@/lib/http/route";
import { requestIdFrom } from "@/lib/observability/context";

/** Unknown routes under /api answer the contract's JSON error, never Next's HTML 404 page. */
async function notFound(req: Request) {
  return errorResponse(errors.notFound("Rota"), requestIdFrom(req.headers));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
