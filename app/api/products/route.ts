import { createProductOp, listProductsOp } from "@/lib/api/ops/catalog";
import { createProduct, listProducts } from "@/lib/catalog/products";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(listProductsOp, async ({ query }) => json(200, await listProducts(query)));

export const POST = route(createProductOp, async ({ body }) => json(201, await createProduct(body)));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
