import { describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { getDb, schema } from "@/lib/db";
import { encodeCursor } from "@/lib/http/pagination";
import { makeUser } from "@/lib/testing/fixtures";
import { listPaymentsFor, listPaymentsOrFirstPage } from "./get-payment";

async function paymentsOfNewBuyer(n: number) {
  const buyer = await makeUser();
  const db = await getDb();
  for (let i = 0; i < n; i++) {
    const [order] = await db
      .insert(schema.orders)
      .values({ userId: buyer.user.id, totalCents: 1_000, expiresAt: new Date(Date.now() + 60_000) })
      .returning();
    await db.insert(schema.payments).values({ orderId: order!.id, amountCents: 1_000, expiresAt: order!.expiresAt });
  }
  return buyer;
}

describe("admin payment list pages", () => {
  it("a forged or garbled cursor shows the first page and says so, instead of throwing", async () => {
    const admin = await makeUser({ role: "admin" });
    const caller: Caller = { user: admin.user, via: "session" };
    const buyer = await paymentsOfNewBuyer(3);
    const query = { limit: 2, q: buyer.user.email };
    const first = await listPaymentsFor(caller, query);
    expect(first.data).toHaveLength(2);

    for (const cursor of [encodeCursor(["not-a-date", "not-a-uuid"]), "%%%garbage", encodeCursor([1, 2, 3])]) {
      await expect(listPaymentsFor(caller, { ...query, cursor })).rejects.toMatchObject({ status: 422 });
      const page = await listPaymentsOrFirstPage(caller, { ...query, cursor });
      expect(page.cursorRejected).toBe(true);
      expect(page.data.map((p) => p.id)).toEqual(first.data.map((p) => p.id));
    }

    const next = await listPaymentsOrFirstPage(caller, { ...query, cursor: first.nextCursor! });
    expect(next.cursorRejected).toBe(false);
    expect(next.data).toHaveLength(1);
  });
});
