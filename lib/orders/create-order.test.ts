import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as createOrderRoute } from "@/app/api/orders/route";
import { getDb, schema } from "@/lib/db";
import { makeProduct, makeUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";

describe("unpaid orders per account", () => {
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env.MAX_OPEN_ORDERS;
    process.env.MAX_OPEN_ORDERS = "3";
  });
  afterEach(() => {
    process.env.MAX_OPEN_ORDERS = previous;
  });

  it("12 parallel orders from one account: exactly the cap gets through", async () => {
    const shopper = await makeUser();
    const products = await Promise.all(Array.from({ length: 4 }, () => makeProduct({ stock: 50 })));
    // Different products too, so the orders do not simply queue behind one product row.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(createOrderRoute, { token: shopper.token, body: { items: [{ productId: products[i % products.length]!.id, quantity: 1 }] } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([...Array(3).fill(201), ...Array(9).fill(422)]);
    expect(results.filter((r) => r.status === 422).map((r) => r.json.error.code)).toEqual(Array(9).fill("too_many_open_orders"));
    const db = await getDb();
    const open = await db
      .select()
      .from(schema.orders)
      .where(and(eq(schema.orders.userId, shopper.user.id), eq(schema.orders.status, "pending_payment")));
    expect(open).toHaveLength(3);
    // The refused ones took no stock.
    const stock = await Promise.all(products.map(async (p) => (await db.select().from(schema.products).where(eq(schema.products.id, p.id)))[0]!.stock));
    expect(stock.reduce((a, b) => a + b, 0)).toBe(4 * 50 - 3);
  });

  it("another account is not held up by the first one's cap", async () => {
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    const product = await makeProduct({ stock: 50 });
    const order = (token: string) => call(createOrderRoute, { token, body: { items: [{ productId: product.id, quantity: 1 }] } });
    const results = await Promise.all([...Array.from({ length: 5 }, () => order(a.token)), ...Array.from({ length: 3 }, () => order(b.token))]);
    expect(results.slice(0, 5).filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.slice(5).map((r) => r.status)).toEqual([201, 201, 201]);
  });
});
