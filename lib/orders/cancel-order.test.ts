import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as cancelRoute } from "@/app/api/orders/[id]/cancel/route";
import { POST as createOrderRoute } from "@/app/api/orders/route";
import { POST as createPaymentRoute } from "@/app/api/payments/route";
import { getDb, schema } from "@/lib/db";
import { makeProduct, makeUser, type TestUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";

async function orderOf(user: TestUser, stock = 5, quantity = 2) {
  const product = await makeProduct({ stock });
  const res = await call(createOrderRoute, { token: user.token, body: { items: [{ productId: product.id, quantity }] } });
  expect(res.status).toBe(201);
  return { order: res.json, product };
}

const cancel = (orderId: string, token?: string) => call(cancelRoute, { method: "POST", token, params: { id: orderId } });

async function stockOf(productId: string) {
  const [p] = await (await getDb()).select().from(schema.products).where(eq(schema.products.id, productId));
  return p!.stock;
}

async function orderRow(id: string) {
  const [o] = await (await getDb()).select().from(schema.orders).where(eq(schema.orders.id, id));
  return o!;
}

describe("POST /api/orders/{id}/cancel", () => {
  it("the owner cancels an unpaid order: cancelled, stock back, and it can no longer be paid", async () => {
    const shopper = await makeUser();
    const { order, product } = await orderOf(shopper, 5, 2);
    expect(await stockOf(product.id)).toBe(3);
    const res = await cancel(order.id, shopper.token);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: order.id, status: "cancelled" });
    expect(await orderRow(order.id)).toMatchObject({ status: "cancelled", reservation: "released" });
    expect(await stockOf(product.id)).toBe(5);
    // Once only: the stock is not given back twice.
    const again = await cancel(order.id, shopper.token);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("order_not_cancellable");
    expect(await stockOf(product.id)).toBe(5);
    const pay = await call(createPaymentRoute, { token: shopper.token, body: { orderId: order.id } });
    expect(pay.status).toBe(409);
  });

  it("someone else's order is a 404, an anonymous caller a 401; an admin may cancel any", async () => {
    const [shopper, other, admin] = await Promise.all([makeUser(), makeUser(), makeUser({ role: "admin" })]);
    const { order } = await orderOf(shopper);
    expect((await cancel(order.id, other.token)).status).toBe(404);
    expect((await cancel(order.id)).status).toBe(401);
    expect((await orderRow(order.id)).status).toBe("pending_payment");
    const res = await cancel(order.id, admin.token);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("cancelled");
  });

  it("409 for an order with an approved payment, and for one that is not unpaid any more", async () => {
    const shopper = await makeUser();
    const db = await getDb();
    const { order, product } = await orderOf(shopper, 5, 1);
    // An approval recorded while the order still waits (e.g. it needs a person's attention).
    await db.insert(schema.payments).values({ orderId: order.id, status: "approved", amountCents: order.totalCents, expiresAt: new Date(Date.now() + 60_000) });
    const withPayment = await cancel(order.id, shopper.token);
    expect(withPayment.status).toBe(409);
    expect(withPayment.json.error.code).toBe("order_has_payment");
    expect(await orderRow(order.id)).toMatchObject({ status: "pending_payment", reservation: "reserved" });
    expect(await stockOf(product.id)).toBe(4);

    for (const status of ["paid", "expired", "payment_failed"] as const) {
      const { order: o } = await orderOf(shopper, 5, 1);
      await db.update(schema.orders).set({ status }).where(eq(schema.orders.id, o.id));
      const res = await cancel(o.id, shopper.token);
      expect(res.status).toBe(409);
      expect(res.json.error).toMatchObject({ code: "order_not_cancellable", requestId: expect.any(String) });
      expect((await orderRow(o.id)).status).toBe(status);
    }
  });

  it("parallel cancels of one order give the stock back once", async () => {
    const shopper = await makeUser();
    const { order, product } = await orderOf(shopper, 10, 3);
    const results = await Promise.all(Array.from({ length: 5 }, () => cancel(order.id, shopper.token)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await stockOf(product.id)).toBe(10);
  });
});
