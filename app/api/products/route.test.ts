import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "@/lib/catalog/seed";
import { seedProducts } from "@/lib/catalog/seed-data";
import { makeUser, type TestUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";
import { GET as getOne, PATCH } from "./[slug]/route";
import { GET as list, POST as create } from "./route";

describe("catalog API", () => {
  let admin: TestUser;
  let customer: TestUser;
  beforeAll(async () => {
    await seedCatalog();
    await seedCatalog(); // idempotent
    admin = await makeUser({ role: "admin" });
    customer = await makeUser();
  });

  it("lists active products with cursor pagination that visits each exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; json: { data: { slug: string }[]; nextCursor: string | null } } = await call(list, {
        path: `/api/products?category=pranchas&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      });
      expect(res.status).toBe(200);
      expect(res.json.data.length).toBeLessThanOrEqual(3);
      seen.push(...res.json.data.map((p) => p.slug));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    const expected = seedProducts.filter((p) => p.category === "pranchas").map((p) => p.slug);
    expect(seen.sort()).toEqual(expected.sort());
    expect(pages).toBeGreaterThan(1);
  });

  it("searches by name case-insensitively and returns the contract's shape", async () => {
    const res = await call(list, { path: "/api/products?q=LONG%20JOHN" });
    expect(res.status).toBe(200);
    expect(res.json.data.map((p: { slug: string }) => p.slug)).toContain("long-john-3-2-costa-fria");
    const p = res.json.data[0];
    expect(p).toMatchObject({ kind: "physical", currency: "BRL", category: "roupas-de-borracha" });
    expect(Number.isInteger(p.priceCents)).toBe(true);
    expect(p.images[0]).toMatchObject({ fileId: null, url: expect.stringMatching(/^\/products\//) });
  });

  it("treats LIKE wildcards in q literally", async () => {
    const res = await call(list, { path: "/api/products?q=%25%25%25" });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([]);
  });

  it("validates limit and cursor", async () => {
    expect((await call(list, { path: "/api/products?limit=0" })).status).toBe(422);
    expect((await call(list, { path: "/api/products?limit=101" })).status).toBe(422);
    const forged = Buffer.from(JSON.stringify(["a", "not-a-uuid"])).toString("base64url");
    expect((await call(list, { path: `/api/products?cursor=${forged}` })).status).toBe(422);
    const bad = await call(list, { path: "/api/products?cursor=garbage" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details[0].path).toBe("query.cursor");
  });

  it("gets one product by slug and 404s for unknown ones", async () => {
    const ok = await call(getOne, { params: { slug: "guia-manobras-basicas" } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ slug: "guia-manobras-basicas", kind: "digital", priceCents: 4990 });
    const missing = await call(getOne, { params: { slug: "nao-existe" } });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
  });

  it("lets admins create and edit products; customers get 403, anonymous 401", async () => {
    const slug = `prancha-teste-${randomUUID().slice(0, 6)}`;
    const body = { slug, name: "Prancha Teste", category: "pranchas", kind: "physical", priceCents: 123_450, stock: 2 };
    expect((await call(create, { body })).status).toBe(401);
    expect((await call(create, { body, token: customer.token })).status).toBe(403);
    const created = await call(create, { body, token: admin.token });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ slug, priceCents: 123_450, active: true, stock: 2 });
    expect((await call(create, { body, token: admin.token })).status).toBe(409);

    const patched = await call(PATCH, {
      method: "PATCH",
      params: { slug: created.json.id },
      body: { priceCents: 99_900, active: false },
      token: admin.token,
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ priceCents: 99_900, active: false });
    // Inactive products disappear from the storefront API.
    expect((await call(getOne, { params: { slug } })).status).toBe(404);
  });

  it("rejects an unknown category and float prices", async () => {
    const slug = `x-${randomUUID().slice(0, 6)}`;
    const r1 = await call(create, { body: { slug, name: "X", category: "nope", kind: "physical", priceCents: 100, stock: 1 }, token: admin.token });
    expect(r1.status).toBe(422);
    const r2 = await call(create, { body: { slug, name: "X", category: "pranchas", kind: "physical", priceCents: 10.5, stock: 1 }, token: admin.token });
    expect(r2.status).toBe(422);
  });
});
