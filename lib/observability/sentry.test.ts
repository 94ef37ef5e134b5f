import { randomUUID } from "node:crypto";
import * as Sentry from "@sentry/nextjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { resetConfig } from "@/lib/config";
import { defineOperation } from "@/lib/http/operation";
import { route } from "@/lib/http/route";
import { makeUser, type TestUser } from "@/lib/testing/fixtures";
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
