import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { pageQuery } from "@/lib/http/pagination";
import { AdminProductSchema, listOf, ProductSchema } from "../schemas";

export const listProductsOp = defineOperation({
  id: "listProducts",
  method: "GET",
  path: "/api/products",
  summary: "Search and list active products",
  tags: ["Catalog"],
  auth: "public",
  query: pageQuery.extend({
    q: z.string().trim().max(100).optional(),
    category: z.string().trim().max(64).optional(),
  }),
  responses: { 200: { description: "OK", schema: listOf(ProductSchema) } },
});

export const getProductOp = defineOperation({
  id: "getProduct",
  method: "GET",
  path: "/api/products/{slug}",
  summary: "One product by slug",
  tags: ["Catalog"],
  auth: "public",
  params: z.object({ slug: z.string().max(120) }),
  responses: { 200: { description: "OK", schema: ProductSchema } },
  errors: [404],
});

const slug = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use letras minúsculas, números e hífens.");

const productFields = {
  slug,
  name: z.string().trim().min(1).max(160),
  description: z.string().max(5000),
  category: z.string().trim().min(1).max(64),
  kind: z.enum(["physical", "digital"]),
  priceCents: z.number().int().min(0).max(100_000_000),
  stock: z.number().int().min(0).max(1_000_000),
  active: z.boolean(),
  images: z.array(z.object({ url: z.string().min(1).max(2048), alt: z.string().max(200).optional() })).max(12),
  imageFileIds: z.array(z.uuid()).max(12).describe("Uploaded public images (POST /api/uploads, purpose product-image), in order"),
  downloadFileId: z.uuid().nullable().describe("For digital products: the file buyers get access to"),
};

export const createProductOp = defineOperation({
  id: "createProduct",
  method: "POST",
  path: "/api/products",
  summary: "Create a product (admin)",
  tags: ["Catalog"],
  auth: "admin",
  body: z.object({
    ...productFields,
    description: productFields.description.default(""),
    active: productFields.active.default(true),
    images: productFields.images.optional(),
    imageFileIds: productFields.imageFileIds.optional(),
    downloadFileId: productFields.downloadFileId.optional(),
  }),
  responses: { 201: { description: "Created", schema: AdminProductSchema } },
  errors: [409],
});

export const updateProductOp = defineOperation({
  id: "updateProduct",
  method: "PATCH",
  path: "/api/products/{id}",
  summary: "Edit a product (admin)",
  tags: ["Catalog"],
  auth: "admin",
  params: z.object({ id: z.uuid() }),
  body: z.object(productFields).partial(),
  responses: { 200: { description: "OK", schema: AdminProductSchema } },
  errors: [404, 409],
});
