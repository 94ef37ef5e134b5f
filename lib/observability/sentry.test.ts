import { createHmac, randomUUID } from "node:crypto";
import * as Sentry from "@sentry/nextjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { POST as mercadoPagoWebhook } from "@/app/api/webhooks/mercadopago/route";
import { resetConfig } from "@/lib/config";
import { getDb, schema } from "@/lib/db";
import { defineOperation } from "@/lib/http/operation";
import { route } from "@/lib/http/route";
import { drainWebhookWorker } from "@/lib/payments/worker";
import { makeUser, type TestUser } from "@/lib/testing/fixtures";
import { startPaymentsHarness } from "@/lib/testing/mercadopago";
import { call } from "@/lib/testing/http";
import { onRequestError } from "@/instrumentation";
import { captureWorkerError } from "./report";
import { sentryServerOptions } from "./sentry";
import { startSentrySink } from "./testing/sentry-sink";

const explodingOp = defineOperation({
  id: "testExplode",
  method: "POST",
  path: "/api/test/explode",
  summary: "Throws (test only)",
  tags: ["Test"],
  auth: "user",
  body: z.object({ note: z.string() }),
  responses: { 200: { description: "never" } },
});

let sink: Awaited<ReturnType<typeof startSentrySink>>;
let alice: TestUser;

beforeAll(async () => {
  sink = await startSentrySink();
  process.env.SENTRY_DSN = sink.dsn;
  process.env.SENTRY_ENVIRONMENT = "vitest";
  resetConfig();
  // The very file Next loads from instrumentation.ts register() on the Node.js runtime.
  await import("@/sentry.server.config");
  alice = await makeUser({ name: "Alice Onda" });
});

afterAll(async () => {
  await Sentry.close(2000);
  await sink.close();
  delete process.env.SENTRY_DSN;
  delete process.env.SENTRY_ENVIRONMENT;
  resetConfig();
});

describe("Sentry on the server", () => {
  it("is not initialised without a DSN (no noise in development and tests)", () => {
    expect(sentryServerOptions({ environment: "development", tracesSampleRate: 0.1 })).toBeUndefined();
  });

  it("receives a route handler's error tagged with the request id and the user id, and nothing personal", async () => {
    const handler = route(explodingOp, async ({ caller }) => {
      throw new Error(`boom for ${caller.user.email} card 4111 1111 1111 1111 auth Bearer ${alice.token}`);
    });
    const session = randomUUID();
    const res = await call(handler, {
      path: "/api/test/explode",
      token: alice.token,
      headers: { "x-request-id": "req-sentry-0001", cookie: `next-auth.session-token=${session}` },
      body: { note: `sent by ${alice.user.email}` },
    });
    expect(res.status).toBe(500);
    expect(res.json.error.requestId).toBe("req-sentry-0001");
    await Sentry.flush(5000);

    const event = sink.events().find((e) => JSON.stringify(e).includes("boom for"));
    expect(event, `envelopes: ${sink.envelopes.map((e) => e.path).join(", ")}`).toBeTruthy();
    expect(sink.envelopes[0]!.path).toMatch(/^\/api\/1\/envelope\/\?.*sentry_key=public/);
    const e = event as { tags: Record<string, string>; user: Record<string, unknown>; environment: string };
    expect(e.tags.request_id).toBe("req-sentry-0001");
    expect(e.tags.route).toBe("/api/test/explode");
    expect(e.user).toEqual({ id: alice.user.id });
    expect(e.environment).toBe("vitest");

    const raw = sink.envelopes.map((x) => x.raw).join("\n");
    expect(raw).not.toContain(alice.user.email);
    expect(raw).not.toContain(alice.token);
    expect(raw).not.toContain("4111 1111 1111 1111");
    expect(raw).not.toContain(session);
  });

  it("receives worker errors tagged with the worker", async () => {
    captureWorkerError(new Error("outbox send failed for bob@example.com"), { worker: "email", jobId: "job-77" });
    await Sentry.flush(5000);
    const event = sink.events().find((e) => JSON.stringify(e).includes("outbox send failed")) as
      | { tags: Record<string, string> }
      | undefined;
    expect(event?.tags).toMatchObject({ worker: "email", job_id: "job-77" });
    expect(JSON.stringify(event)).not.toContain("bob@example.com");
  });

  it("receives the webhook worker's failure (a notification Mercado Pago answers 400 for) tagged worker=webhook", async () => {
    const h = await startPaymentsHarness();
    try {
      const paymentId = String(8_000_000_000 + Math.floor(Math.random() * 1_000_000_000));
      // Not transient, so the worker gives up at once and reports through captureWorkerError.
      await h.control("/faults", { count: 1, status: 400, method: "GET", path: `/v1/payments/${paymentId}` });
      const ts = String(Date.now());
      const requestId = randomUUID();
      const v1 = createHmac("sha256", h.emulator.webhookSecret).update(`id:${paymentId};request-id:${requestId};ts:${ts};`).digest("hex");
      const ack = await call(mercadoPagoWebhook, {
        path: `/api/webhooks/mercadopago?data.id=${paymentId}&type=payment`,
        headers: { "x-signature": `ts=${ts},v1=${v1}`, "x-request-id": requestId },
        body: { id: Date.now(), type: "payment", action: "payment.updated", data: { id: paymentId } },
      });
      expect(ack.status).toBe(200);
      await drainWebhookWorker();

      const db = await getDb();
      const [row] = await db
        .select()
        .from(schema.webhookNotifications)
        .where(eq(schema.webhookNotifications.resourceId, paymentId));
      expect(row?.status).toBe("failed");
      await Sentry.flush(5000);
      const event = sink
        .events()
        .map((e) => e as { tags?: Record<string, string>; contexts?: { details?: Record<string, unknown> } })
        .find((e) => e.tags?.job_id === row!.id);
      expect(event, "no Sentry event for the failed notification").toBeTruthy();
      expect(event!.tags).toMatchObject({ worker: "webhook", job_id: row!.id });
      expect(event!.contexts?.details).toMatchObject({ attempt: 1 });
    } finally {
      await h.close();
    }
  });

  it("receives errors Next catches itself (server components) through onRequestError, with the proxy's request id", async () => {
    const err = Object.assign(new Error("server component exploded"), { digest: "123" });
    await onRequestError(
      err,
      { path: "/products/prancha?token=abc999", method: "GET", headers: { "x-request-id": "req-rsc-7", cookie: "a=b" } },
      {
        routerKind: "App Router",
        routePath: "/products/[slug]",
        routeType: "render",
        renderSource: "react-server-components",
        revalidateReason: undefined,
      },
    );
    await Sentry.flush(5000);
    const event = sink.events().find((e) => JSON.stringify(e).includes("server component exploded")) as
      | { tags: Record<string, string>; contexts: { nextjs?: Record<string, string> } }
      | undefined;
    expect(event?.tags.request_id).toBe("req-rsc-7");
    expect(event?.contexts.nextjs?.router_path).toBe("/products/[slug]");
    expect(JSON.stringify(event)).not.toContain("abc999");
  });
});
