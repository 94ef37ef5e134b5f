import { describe, expect, it } from "vitest";
import { signatureManifest, verifyWebhookSignature } from "./signature";

// The worked vectors of ../shared/mercadopago.md §4, cross-checked there with openssl.
const vectors = [
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
    requestId: undefined,
    ts: "1717171717",
    manifest: "id:999999999;ts:1717171717;",
    v1: "defa2880ad23f40f413e563e08a50e3787932c48b0fd8f2ef17852fd7cfbe12d",
  },
];

describe("Mercado Pago webhook signature", () => {
  for (const v of vectors) {
    it(`verifies the documented vector ${v.v1.slice(0, 8)}`, () => {
      expect(signatureManifest(v.dataId, v.requestId, v.ts)).toBe(v.manifest);
      const now = v.ts.length === 13 ? Number(v.ts) + 1000 : Number(v.ts) * 1000 + 1000;
      const r = verifyWebhookSignature({ xSignature: `ts=${v.ts},v1=${v.v1}`, xRequestId: v.requestId, dataId: v.dataId, secret: v.secret, now });
      expect(r).toEqual({ ok: true, ts: v.ts });
    });
  }

  const v = vectors[0]!;
  const base = { xRequestId: v.requestId, dataId: v.dataId, secret: v.secret, now: Number(v.ts) * 1000 };

  it("rejects a wrong secret, another id and another request id", () => {
    const header = `ts=${v.ts},v1=${v.v1}`;
    expect(verifyWebhookSignature({ ...base, xSignature: header, secret: "other" })).toEqual({ ok: false, reason: "signature_mismatch" });
    expect(verifyWebhookSignature({ ...base, xSignature: header, dataId: "123456780" })).toEqual({ ok: false, reason: "signature_mismatch" });
    expect(verifyWebhookSignature({ ...base, xSignature: header, xRequestId: "x" })).toEqual({ ok: false, reason: "signature_mismatch" });
  });

  it("rejects a timestamp older than five minutes even with a valid HMAC", () => {
    const r = verifyWebhookSignature({ ...base, xSignature: `ts=${v.ts},v1=${v.v1}`, now: Number(v.ts) * 1000 + 5 * 60 * 1000 + 1 });
    expect(r).toEqual({ ok: false, reason: "stale_timestamp" });
  });

  it("says what is wrong with a missing or malformed header", () => {
    expect(verifyWebhookSignature({ ...base, xSignature: undefined })).toEqual({ ok: false, reason: "missing_signature" });
    expect(verifyWebhookSignature({ ...base, xSignature: "garbage" })).toEqual({ ok: false, reason: "malformed_signature" });
    expect(verifyWebhookSignature({ ...base, xSignature: `v1=${v.v1}` })).toEqual({ ok: false, reason: "missing_timestamp" });
    expect(verifyWebhookSignature({ ...base, xSignature: `ts=${v.ts},v1=zz` })).toEqual({ ok: false, reason: "malformed_signature" });
  });
});
