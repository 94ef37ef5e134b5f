import { z } from "zod";

/** Shapes shared by the API, the OpenAPI document and the tests. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string().optional(), message: z.string(), code: z.string().optional() })).optional(),
      requestId: z.string().optional(),
    }),
  })
  ;

export const RoleSchema = z.enum(["customer", "admin"]);

export const UserSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), role: RoleSchema })
  ;

export const ProductImageSchema = z.object({
  fileId: z.string().nullable(),
  url: z.string(),
  width: z.number().int().nullable().describe("Pixel width of an uploaded image; null for images shipped with the app"),
  height: z.number().int().nullable(),
  variants: z
    .array(z.object({ width: z.number().int(), url: z.string() }))
    .describe("Narrower WebP copies of an uploaded image, for srcset; empty when there are none"),
});

export const ProductSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    category: z.string().describe("Category slug"),
    categoryName: z.string(),
    kind: z.enum(["physical", "digital"]),
    priceCents: z.number().int(),
    currency: z.string(),
    stock: z.number().int(),
    active: z.boolean(),
    images: z.array(ProductImageSchema),
  })
  .describe("A product as anyone sees it");

/** Answers of the admin product routes: also the download file of a digital product. */
export const AdminProductSchema = ProductSchema.extend({
  downloadFileId: z.string().nullable().describe("For digital products: the file buyers get access to"),
}).describe("A product with the fields only admins see");

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const HealthSchema = z.object({
  status: z.enum(["pass", "warn", "fail"]),
  version: z.string().optional(),
  releaseId: z.string().optional(),
  checks: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
});
