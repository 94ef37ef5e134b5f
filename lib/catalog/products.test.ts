import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOne, PATCH } from "@/app/api/products/[slug]/route";
import { GET as list } from "@/app/api/products/route";
import { buildOpenApi } from "@/lib/api/openapi";
import type { schema } from "@/lib/db";
import { makeProduct, makeUser, type TestUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";

describe("a digital product's download file", () => {
  const downloadFileId = randomUUID();
  let product: typeof schema.products.$inferSelect;
  let admin: TestUser;
  beforeAll(async () => {
    product = await makeProduct({ kind: "digital", downloadFileId });
    admin = await makeUser({ role: "admin" });
  });

  it("is not in the product anonymous callers get, one or listed", async () => {
    const one = await call(getOne, { path: `/api/products/${product.slug}`, params: { slug: product.slug } });
    expect(one.status).toBe(200);
    expect(one.json.id).toBe(product.id);
    expect(one.json).not.toHaveProperty("downloadFileId");
    expect(one.text).not.toContain(downloadFileId);

    const listed = await call(list, { path: `/api/products?q=${encodeURIComponent(product.name)}` });
    expect(listed.json.data.map((p: { id: string }) => p.id)).toEqual([product.id]);
    expect(listed.text).not.toContain(downloadFileId);
  });

  it("is in the answers of the admin product routes, for editing", async () => {
    const edited = await call(PATCH, {
      method: "PATCH",
      token: admin.token,
      path: `/api/products/${product.id}`,
      params: { slug: product.id },
      body: { stock: 7 },
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ id: product.id, stock: 7, downloadFileId });
  });

  it("the OpenAPI document says so: public product shape without it, admin answers with it", () => {
    const doc = buildOpenApi() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const props = (path: string, method: string, status: string) => {
      const res = doc.paths[path]![method]!.responses[status] as { content: Record<string, { schema: unknown }> };
      return JSON.stringify(res.content["application/json"]!.schema);
    };
    expect(props("/api/products/{slug}", "get", "200")).not.toContain("downloadFileId");
    expect(props("/api/products", "get", "200")).not.toContain("downloadFileId");
    expect(props("/api/products/{id}", "patch", "200")).toContain("downloadFileId");
    expect(props("/api/products", "post", "201")).toContain("downloadFileId");
  });
});
