/**
 * Webhook signatures. The expected values are the worked vectors of mercadopago.md §4 and are
 * recomputed here with node:crypto from the documented formula, independently of signature.ts.
 */
import { createHmac } from "node:crypto";
import { WebhookSignatureValidator } from "mercadopago";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MercadoPagoEmulator } from "./index";
import { buildManifest, signManifest } from "./signature";
import { createPreference, payWith, type Receiver, SECRET, startReceiver, startTestEmulator } from "./test-helpers";

const VECTORS = [
  {
    secret: "test-secret-123",
    dataId: "123456789",
    requestId: "bb56a2f1-6aae-46ac-982e-9dcd3581d08e",
    ts: "1704908010",
    manifest: "id:123456789;request-id:bb56a2f1-6aae-46ac-982e-9dcd3581d08e;ts:1704908010;",
    v1: "04a5bfa6947601d0b330a4a8650c5eb1a234892e132f479114444eac4faf42bd",
  },
  {
    secret: "your_secret_key_here",
    dataId: "ORD01JQ4S4KY8HWQ6NA5PXB65B3D3",
    requestId: "2066ca19-c6f1-498a-be75-1923005edd06",
    ts: "1742505638683",
    manifest: "id:ord01jq4s4ky8hwq6na5pxb65b3d3;request-id:2066ca19-c6f1-498a-be75-1923005edd06;ts:1742505638683;",
    v1: "633f91233312dd391ec75fa0bea539cfc2d6c4918873305b84a96cc1c58db71c",
  },
  {
    secret: "emulator-secret",
    dataId: "999999999",
    requestId: null,
    ts: "1717171717",
    manifest: "id:999999999;ts:1717171717;",
    v1: "defa2880ad23f40f413e563e08a50e3787932c48b0fd8f2ef17852fd7cfbe12d",
  },
];

const hmac = (secret: string, manifest: string) => createHmac("sha256", secret).update(manifest).digest("hex");

describe("documented signature vectors", () => {
  it.each(VECTORS)("vector for data.id $dataId holds with node:crypto", (v) => {
    expect(hmac(v.secret, v.manifest)).toBe(v.v1);
  });

  it.each(VECTORS)("the emulator builds manifest and v1 of $dataId as documented", (v) => {
    expect(buildManifest({ dataId: v.dataId, requestId: v.requestId, ts: v.ts })).toBe(v.manifest);
    expect(signManifest(v.secret, { dataId: v.dataId, requestId: v.requestId, ts: v.ts })).toBe(v.v1);
  });
});

describe("signature on delivered notifications", () => {
  let emu: MercadoPagoEmulator;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
    await receiver.close();
  });

  it("signs id (from the data.id query), x-request-id and a 13-digit ts with the webhook secret", async () => {
    const pref = await createPreference(emu, { notification_url: `${receiver.url}/webhooks/mercadopago` });
    const before = Date.now();
    const payment = await payWith(emu, pref.id, "APRO");
    const [request] = await receiver.waitFor(1);
    const dataId = request.url.searchParams.get("data.id");
    expect(dataId).toBe(String(payment.id));
    const requestId = String(request.headers["x-request-id"]);
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const signature = String(request.headers["x-signature"]);
    const match = /^ts=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
    expect(match).not.toBeNull();
    const [, ts, v1] = match!;
    expect(ts).toHaveLength(13);
    expect(Number(ts)).toBeGreaterThanOrEqual(before);
    expect(Number(ts)).toBeLessThanOrEqual(Date.now());
    expect(v1).toBe(hmac(SECRET, `id:${dataId};request-id:${requestId};ts:${ts};`));
    expect(v1).not.toBe(hmac("another-secret", `id:${dataId};request-id:${requestId};ts:${ts};`));
  });

  it("is accepted by the official SDK's WebhookSignatureValidator", async () => {
    const [request] = receiver.received;
    expect(() =>
      WebhookSignatureValidator.validate({
        xSignature: request.headers["x-signature"],
        xRequestId: request.headers["x-request-id"],
        dataId: request.url.searchParams.get("data.id"),
        secret: SECRET,
      }),
    ).not.toThrow();
    expect(() =>
      WebhookSignatureValidator.validate({
        xSignature: request.headers["x-signature"],
        xRequestId: request.headers["x-request-id"],
        dataId: request.url.searchParams.get("data.id"),
        secret: "wrong",
      }),
    ).toThrow();
  });
});
