import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "@/lib/db";
import { dashboardFigures } from "./dashboard";

describe("admin dashboard", () => {
  it("counts every failing webhook, while listing only the latest 10", async () => {
    const before = (await dashboardFigures()).failingWebhookCount;
    const db = await getDb();
    await db.insert(schema.webhookNotifications).values(
      Array.from({ length: 12 }, (_, i) => ({
        dedupeKey: `dashboard-test:${randomUUID()}`,
        style: "webhook",
        topic: "payment",
        resourceId: String(900_000_000 + i),
        verification: "valid",
        status: i % 2 ? ("failed" as const) : ("flagged" as const),
        lastError: "teste",
      })),
    );
    const f = await dashboardFigures();
    expect(f.failingWebhooks).toHaveLength(10);
    expect(f.failingWebhookCount).toBeGreaterThanOrEqual(before + 12);
    expect(f.failingWebhookCount).toBeGreaterThan(f.failingWebhooks.length);
  });
});
