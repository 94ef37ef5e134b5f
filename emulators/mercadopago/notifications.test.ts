/** Webhook deliveries: body, query, headers, retries with back-off, timeouts, and the control API around them. */
import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { MercadoPagoEmulator } from "./index";
import { call, createPreference, payWith, type Receiver, type ReceivedRequest, SECRET, startReceiver, startTestEmulator } from "./test-helpers";

let emu: MercadoPagoEmulator;
let receiver: Receiver;

beforeAll(async () => {
  emu = await startTestEmulator({ notificationRetryDelaysMs: [30, 60], notificationTimeoutMs: 300 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.reset();
  receiver = await startReceiver();
});
afterEach(async () => {
  await emu.notificationsSettled();
  await receiver.close();
});

const byNotificationId = (requests: ReceivedRequest[]) => [...requests].sort((a, b) => a.body.id - b.body.id);

function expectValidSignature(request: ReceivedRequest) {
  const [, ts, v1] = /^ts=(\d{13}),v1=([0-9a-f]{64})$/.exec(String(request.headers["x-signature"]))!;
  const manifest = `id:${request.url.searchParams.get("data.id")};request-id:${request.headers["x-request-id"]};ts:${ts};`;
  expect(v1).toBe(createHmac("sha256", SECRET).update(manifest).digest("hex"));
}

async function paidPreference(name = "APRO", overrides: Record<string, unknown> = {}) {
  const pref = await createPreference(emu, { notification_url: `${receiver.url}/api/webhooks/mercadopago`, ...overrides });
  const payment = await payWith(emu, pref.id, name);
  return { pref, payment };
}

describe("webhook request", () => {
  it("POSTs the documented body with data.id and type in the query and signed headers", async () => {
    const before = Date.now();
    const { payment } = await paidPreference();
    const [request] = await receiver.waitFor(1);
    expect(request.method).toBe("POST");
    expect(request.url.pathname).toBe("/api/webhooks/mercadopago");
    expect(Object.fromEntries(request.url.searchParams)).toEqual({ "data.id": String(payment.id), type: "payment" });
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.headers["x-retry"]).toBe("0");
    expect(Object.keys(request.body).sort()).toEqual(["action", "api_version", "data", "date_created", "id", "live_mode", "type", "user_id"]);
    expect(request.body).toMatchObject({
      action: "payment.created",
      api_version: "v1",
      data: { id: String(payment.id) },
      live_mode: false,
      type: "payment",
      user_id: emu.userId,
      id: expect.any(Number),
    });
    expect(Date.parse(request.body.date_created)).toBeGreaterThanOrEqual(before - 1);
    expectValidSignature(request);
  });

  it("sends payment.updated on every status change", async () => {
    const { payment } = await paidPreference("CONT");
    await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "approved" });
    await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "charged_back" });
    const received = byNotificationId(await receiver.waitFor(3));
    expect(received.map((r) => r.body.action)).toEqual(["payment.created", "payment.updated", "payment.updated"]);
    expect(new Set(received.map((r) => r.body.id)).size).toBe(3);
  });

  it("keeps the query string of notification_url (e.g. source_news=webhooks)", async () => {
    await paidPreference("APRO", { notification_url: `${receiver.url}/hook?source_news=webhooks` });
    const [request] = await receiver.waitFor(1);
    expect(request.url.searchParams.get("source_news")).toBe("webhooks");
    expect(request.url.searchParams.get("type")).toBe("payment");
    expectValidSignature(request);
  });

  it("sends nothing when the preference has no notification_url", async () => {
    const pref = await createPreference(emu);
    await payWith(emu, pref.id);
    await emu.notificationsSettled();
    expect(emu.state.notifications).toHaveLength(0);
  });

  it("never makes the API wait for the delivery", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    receiver.replies.push((_req, res) => {
      void held.then(() => res.end("ok"));
    });
    const pref = await createPreference(emu, { notification_url: `${receiver.url}/hook` });
    const started = Date.now();
    const answer = await call(emu, "POST", `/__emulator/preferences/${pref.id}/pay`, { cardholderName: "APRO" });
    expect(answer.status).toBe(201);
    await receiver.waitFor(1);
    expect(emu.state.notifications[0].state).toBe("sending");
    release();
    await emu.notificationsSettled();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(emu.state.notifications[0].state).toBe("delivered");
  });
});

describe("retries", () => {
  it("retries a non-2xx answer with back-off, re-signing each attempt, until acknowledged", async () => {
    receiver.replies.push(500, 404);
    await paidPreference();
    const attempts = await receiver.waitFor(3);
    await emu.notificationsSettled();
    expect(attempts.map((r) => r.headers["x-retry"])).toEqual(["0", "1", "2"]);
    expect(new Set(attempts.map((r) => r.headers["x-request-id"])).size).toBe(3);
    expect(new Set(attempts.map((r) => r.body.id)).size).toBe(1);
    for (const request of attempts) expectValidSignature(request);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(25);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(55);
    const record = emu.state.notifications[0];
    expect(record.state).toBe("delivered");
    expect(record.attempts.map((a) => a.statusCode)).toEqual([500, 404, 200]);
    expect(record.attempts[2].responseBody).toBe("ok");
  });

  it("gives up after the maximum number of attempts", async () => {
    receiver.replies.push(500, 500, 500, 500);
    await paidPreference();
    await receiver.waitFor(3);
    await emu.notificationsSettled();
    expect(receiver.received).toHaveLength(3);
    expect(emu.state.notifications[0]).toMatchObject({ state: "failed", note: "gave up after 3 attempt(s)" });
  });

  it("treats a timed-out delivery as failed and retries it", async () => {
    receiver.replies.push((_req, res) => {
      setTimeout(() => res.end("late"), 600);
    });
    await paidPreference();
    await receiver.waitFor(2);
    await emu.notificationsSettled();
    const record = emu.state.notifications[0];
    expect(record.attempts[0]).toMatchObject({ statusCode: null, error: "timed out after 300 ms" });
    expect(record.attempts[1].statusCode).toBe(200);
    expect(record.state).toBe("delivered");
  });

  it("retries network errors", async () => {
    const closed = await startReceiver();
    const url = closed.url;
    await closed.close();
    const pref = await createPreference(emu, { notification_url: `${url}/hook` });
    await payWith(emu, pref.id);
    await emu.notificationsSettled();
    const record = emu.state.notifications[0];
    expect(record.state).toBe("failed");
    expect(record.attempts).toHaveLength(3);
    expect(record.attempts.every((a) => a.statusCode === null && a.error)).toBe(true);
  });

  it("flush runs scheduled retries at once", async () => {
    const patient = await startTestEmulator({ notificationRetryDelaysMs: [60_000] });
    try {
      receiver.replies.push(503);
      const pref = await createPreference(patient, { notification_url: `${receiver.url}/hook` });
      await payWith(patient, pref.id);
      await receiver.waitFor(1);
      await vi.waitFor(() => expect(patient.state.notifications[0].state).toBe("scheduled"));
      expect((await call(patient, "POST", "/__emulator/notifications/flush")).body).toEqual({ started: 1 });
      await receiver.waitFor(2);
      await patient.notificationsSettled();
      expect(patient.state.notifications[0].state).toBe("delivered");
    } finally {
      await patient.close();
    }
  });
});

describe("control API for notifications", () => {
  it("re-sends a notification: same body and id, a new signed attempt", async () => {
    await paidPreference();
    await receiver.waitFor(1);
    await emu.notificationsSettled();
    const seq = emu.state.notifications[0].seq;
    const answer = await call(emu, "POST", `/__emulator/notifications/${seq}/resend`);
    expect(answer.status).toBe(202);
    const [first, second] = await receiver.waitFor(2);
    expect(second.body).toEqual(first.body);
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
    expectValidSignature(second);
    await emu.notificationsSettled();
    expect(emu.state.notifications).toHaveLength(1);
    expect(emu.state.notifications[0].attempts).toHaveLength(2);
  });

  it("duplicates a notification as a new log entry with the identical body", async () => {
    await paidPreference();
    await receiver.waitFor(1);
    const seq = emu.state.notifications[0].seq;
    const copy = await call(emu, "POST", `/__emulator/notifications/${seq}/duplicate`);
    expect(copy.status).toBe(202);
    expect(copy.body.seq).not.toBe(seq);
    const [a, b] = await receiver.waitFor(2);
    expect(b.body).toEqual(a.body);
    expect(emu.state.notifications).toHaveLength(2);
    expect((await call(emu, "POST", "/__emulator/notifications/1/duplicate")).status).toBe(404);
  });

  it("notifies a payment on demand, several times and with a delay", async () => {
    const { payment } = await paidPreference();
    await receiver.waitFor(1);
    const answer = await call(emu, "POST", `/__emulator/payments/${payment.id}/notify`, { count: 2, action: "payment.updated" });
    expect(answer.status).toBe(202);
    expect(answer.body.notifications).toHaveLength(2);
    const received = byNotificationId(await receiver.waitFor(3));
    expect(received.map((r) => r.body.action)).toEqual(["payment.created", "payment.updated", "payment.updated"]);
  });

  it("sends out of order: a delayed notification arrives after a later one", async () => {
    const { payment } = await paidPreference();
    await receiver.waitFor(1);
    await call(emu, "POST", `/__emulator/payments/${payment.id}/notify`, { action: "payment.created", delayMs: 150 });
    await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "refunded" });
    const received = await receiver.waitFor(3);
    expect(received.slice(1).map((r) => r.body.action)).toEqual(["payment.updated", "payment.created"]);
  });

  it("pauses notifications and releases them in reverse order", async () => {
    expect((await call(emu, "POST", "/__emulator/notifications/pause")).body).toEqual({ paused: true });
    const { payment } = await paidPreference("CONT");
    await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "approved" });
    await emu.notificationsSettled();
    expect(receiver.received).toHaveLength(0);
    expect(emu.state.notifications.map((n) => n.state)).toEqual(["held", "held"]);
    const resumed = await call(emu, "POST", "/__emulator/notifications/resume", { order: "reverse" });
    expect(resumed.body.sent).toEqual(emu.state.notifications.map((n) => n.seq).reverse());
    expect(receiver.received.map((r) => r.body.action)).toEqual(["payment.updated", "payment.created"]);
  });

  it("sends the legacy IPN style: ?topic=payment&id=... and ?topic=merchant_order&id=...", async () => {
    const { payment } = await paidPreference();
    await receiver.waitFor(1);
    await call(emu, "POST", `/__emulator/payments/${payment.id}/notify`, { style: "ipn" });
    const [, ipn] = await receiver.waitFor(2);
    expect(Object.fromEntries(ipn.url.searchParams)).toEqual({ topic: "payment", id: String(payment.id) });
    expect(ipn.body).toEqual({ resource: String(payment.id), topic: "payment" });
    expect(ipn.headers["x-signature"]).toMatch(/^ts=\d{13},v1=[0-9a-f]{64}$/);
    await call(emu, "POST", `/__emulator/payments/${payment.id}/notify`, { style: "ipn", topic: "merchant_order" });
    const [, , order] = await receiver.waitFor(3);
    expect(Object.fromEntries(order.url.searchParams)).toEqual({ topic: "merchant_order", id: payment.order.id });
    expect(order.body).toEqual({ resource: `${emu.url}/merchant_orders/${payment.order.id}`, topic: "merchant_order" });
  });

  it("can target another URL and validates its input", async () => {
    const pref = await createPreference(emu);
    const payment = await payWith(emu, pref.id);
    expect((await call(emu, "POST", `/__emulator/payments/${payment.id}/notify`, {})).status).toBe(400);
    expect((await call(emu, "POST", `/__emulator/payments/${payment.id}/notify`, { url: `${receiver.url}/x` })).status).toBe(202);
    expect((await receiver.waitFor(1))[0].url.pathname).toBe("/x");
    expect((await call(emu, "POST", `/__emulator/payments/${payment.id}/notify`, { url: `${receiver.url}/x`, topic: "merchant_order" })).status).toBe(400);
    expect((await call(emu, "POST", "/__emulator/payments/1/notify", {})).status).toBe(404);
  });

  it("lists notifications with every attempt's answer", async () => {
    receiver.replies.push(500);
    await paidPreference();
    await receiver.waitFor(2);
    await emu.notificationsSettled();
    const list = (await call(emu, "GET", "/__emulator/notifications")).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ style: "webhook", action: "payment.created", state: "delivered" });
    expect(list[0].attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
    const one = await call(emu, "GET", `/__emulator/notifications/${list[0].seq}`);
    expect(one.body.seq).toBe(list[0].seq);
  });
});
