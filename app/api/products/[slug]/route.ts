import { getProductOp, updateProductOp } from "@/lib/api/ops/catalog";
import { getProductBySlug, updateProduct } from "@/lib/catalog/products";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(getProductOp, async ({ params }) => json(200, await getProductBySlug(params.slug)));

const patch = route(updateProductOp, async ({ params, body }) => json(200, await updateProduct(params.id, body)));

/** `PATCH /api/products/{id}`: Next allows one dynamic name per segment, so the id arrives as `slug`. */
export function PATCH(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return patch(req, { params: ctx.params.then((p) => ({ id: p.slug })) });
}

export const { POST, PUT, DELETE } = otherMethods({ GET, PATCH });
