/** Cross-cutting API behaviour: Bearer token, paths with/without trailing slash, idempotency keys, faults. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MercadoPagoEmulator } from "./index";
import { call, createPreference, payWith, preferenceBody, startTestEmulator } from "./test-helpers";

let emu: MercadoPagoEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const API_ROUTES: [string, string][] = [
  ["POST", "/checkout/preferences"],
  ["GET", "/checkout/preferences/search"],
  ["GET", "/checkout/preferences/123-abc"],
  ["PUT", "/checkout/preferences/123-abc"],
  ["GET", "/v1/payments/search"],
  ["GET", "/v1/payments/1"],
  ["PUT", "/v1/payments/1"],
  ["POST", "/v1/payments/1/refunds"],
  ["GET", "/v1/payments/1/refunds"],
  ["GET", "/v1/payments/1/refunds/2"],
  ["GET", "/merchant_orders/1"],
  ["GET", "/merchant_orders/search"],
];

describe("access token", () => {
  it.each(API_ROUTES)("%s %s without Authorization answers 401 in Mercado Pago's shape", async (method, path) => {
    const answer = await call(emu, method, path, method === "GET" ? undefined : {}, { authorization: "" });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ message: expect.any(String), error: "unauthorized", status: 401, cause: expect.any(Array) });
  });

  it.each(API_ROUTES)("%s %s with a wrong token answers 401", async (method, path) => {
    const answer = await call(emu, method, path, method === "GET" ? undefined : {}, { authorization: "Bearer APP_USR-wrong" });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe("unauthorized");
  });

  it("rejects other schemes and accepts the configured token", async () => {
    expect((await call(emu, "GET", "/v1/payments/search", undefined, { authorization: emu.accessToken })).status).toBe(401);
    expect((await call(emu, "GET", "/v1/payments/search", undefined, { authorization: `Basic ${emu.accessToken}` })).status).toBe(401);
    expect((await call(emu, "GET", "/v1/payments/search")).status).toBe(200);
  });

  it("does not create anything on a rejected call", async () => {
    await call(emu, "POST", "/checkout/preferences", preferenceBody(), { authorization: "Bearer nope" });
    expect(emu.state.preferences.size).toBe(0);
  });
});

describe("routing", () => {
  it("accepts paths with and without a trailing slash", async () => {
    const created = await call(emu, "POST", "/checkout/preferences/", preferenceBody());
    expect(created.status).toBe(201);
    const payment = await payWith(emu, created.body.id);
    expect((await call(emu, "GET", `/checkout/preferences/${created.body.id}/`)).status).toBe(200);
    expect((await call(emu, "GET", `/v1/payments/${payment.id}/`)).status).toBe(200);
    expect((await call(emu, "GET", `/v1/payments/${payment.id}/refunds/`)).body).toEqual([]);
    expect((await call(emu, "GET", "/v1/payments/search/")).status).toBe(200);
    expect((await call(emu, "POST", `/__emulator/preferences/${created.body.id}/pay/`, { cardholderName: "APRO" })).status).toBe(201);
  });

  it("answers unknown routes with 404 and wrong methods with 405, in Mercado Pago's shape", async () => {
    const unknown = await call(emu, "GET", "/v1/customers/1");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: "not_found", status: 404 });
    const wrongMethod = await call(emu, "DELETE", "/checkout/preferences");
    expect(wrongMethod.status).toBe(405);
  });

  it("answers malformed JSON with 400", async () => {
    const answer = await call(emu, "POST", "/checkout/preferences", "{not json");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "bad_request", status: 400 });
  });

  it("returns an x-request-id header on API answers", async () => {
    const answer = await call(emu, "GET", "/v1/payments/search");
    expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("X-Idempotency-Key", () => {
  it("replays the first result for the same key and body instead of creating again", async () => {
    const headers = { "x-idempotency-key": "pref-key-1" };
    const first = await call(emu, "POST", "/checkout/preferences", preferenceBody(), headers);
    const second = await call(emu, "POST", "/checkout/preferences", preferenceBody(), headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get("x-idempotency-replayed")).toBe("true");
    expect(emu.state.preferences.size).toBe(1);
  });

  it("creates separately with different keys or without a key", async () => {
    await call(emu, "POST", "/checkout/preferences", preferenceBody(), { "x-idempotency-key": "a" });
    await call(emu, "POST", "/checkout/preferences", preferenceBody(), { "x-idempotency-key": "b" });
    await call(emu, "POST", "/checkout/preferences", preferenceBody());
    await call(emu, "POST", "/checkout/preferences", preferenceBody());
    expect(emu.state.preferences.size).toBe(4);
  });

  it("refuses a key reused for a different request with 409", async () => {
    const headers = { "x-idempotency-key": "reused" };
    await call(emu, "POST", "/checkout/preferences", preferenceBody(), headers);
    const other = await call(emu, "POST", "/checkout/preferences", preferenceBody({ external_reference: "other" }), headers);
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ status: 409, error: expect.any(String) });
    expect(emu.state.preferences.size).toBe(1);
  });

  it("replays validation errors too (the request is not executed again)", async () => {
    const headers = { "x-idempotency-key": "bad-body" };
    const bad = { items: [] };
    const first = await call(emu, "POST", "/checkout/preferences", bad, headers);
    const second = await call(emu, "POST", "/checkout/preferences", bad, headers);
    expect(first.status).toBe(400);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("x-idempotency-replayed")).toBe("true");
  });

  it("makes a refund happen once for the same key", async () => {
    const pref = await createPreference(emu);
    const payment = await payWith(emu, pref.id);
    const headers = { "x-idempotency-key": "refund-1" };
    const first = await call(emu, "POST", `/v1/payments/${payment.id}/refunds`, { amount: 10 }, headers);
    const second = await call(emu, "POST", `/v1/payments/${payment.id}/refunds`, { amount: 10 }, headers);
    expect(second.body.id).toBe(first.body.id);
    const after = await call(emu, "GET", `/v1/payments/${payment.id}`);
    expect(after.body.transaction_amount_refunded).toBe(10);
    expect(after.body.refunds).toHaveLength(1);
  });

  it("is not applied to GET requests", async () => {
    const answer = await call(emu, "GET", "/v1/payments/search", undefined, { "x-idempotency-key": "k" });
    expect(answer.status).toBe(200);
    expect(emu.state.idempotency.size).toBe(0);
  });
});

describe("fault injection", () => {
  it("fails the next N calls with the given status, then recovers", async () => {
    const fault = await call(emu, "POST", "/__emulator/faults", { count: 2, status: 503 });
    expect(fault.status).toBe(201);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(emu, "POST", "/checkout/preferences", preferenceBody())).status);
    expect(statuses).toEqual([503, 503, 201]);
    expect(emu.state.preferences.size).toBe(1);
    const log = (await call(emu, "GET", "/__emulator/requests")).body;
    expect(log.map((r: { fault: boolean }) => r.fault)).toEqual([true, true, false]);
  });

  it("only matches the given method and path prefix", async () => {
    await call(emu, "POST", "/__emulator/faults", { status: 500, method: "GET", path: "/v1/payments" });
    expect((await call(emu, "POST", "/checkout/preferences", preferenceBody())).status).toBe(201);
    const failed = await call(emu, "GET", "/v1/payments/search");
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ status: 500, error: "internal_server_error", cause: [] });
    expect((await call(emu, "GET", "/v1/payments/search")).status).toBe(200);
  });

  it("slows calls down and can answer 429 with Retry-After", async () => {
    await call(emu, "POST", "/__emulator/faults", { delayMs: 150 });
    const started = Date.now();
    const slow = await call(emu, "GET", "/v1/payments/search");
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await call(emu, "POST", "/__emulator/faults", { status: 429, retryAfter: 3 });
    const limited = await call(emu, "GET", "/v1/payments/search");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
  });

  it("lists and clears faults, and rejects meaningless ones", async () => {
    await call(emu, "POST", "/__emulator/faults", { count: 5, status: 500 });
    expect((await call(emu, "GET", "/__emulator/faults")).body).toHaveLength(1);
    await call(emu, "DELETE", "/__emulator/faults");
    expect((await call(emu, "GET", "/__emulator/faults")).body).toEqual([]);
    expect((await call(emu, "POST", "/__emulator/faults", { count: 1 })).status).toBe(400);
    expect((await call(emu, "POST", "/__emulator/faults", { status: 200 })).status).toBe(400);
  });
});
