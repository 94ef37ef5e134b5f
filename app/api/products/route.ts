import { createProductOp, listProductsOp } from "@/lib/api/ops/catalog";
import { createProduct, listProducts } from "@/lib/catalog/products";
import { json, route } from "@/lib/http/route";

export const GET = route(listProductsOp, async ({ query }) => json(200, await listProducts(query)));

export const POST = route(createProductOp, async ({ body }) => json(201, await createProduct(body)));
