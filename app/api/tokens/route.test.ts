import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { POST as register } from "@/app/api/users/route";
import { SIGN_IN_LIMITS } from "@/lib/auth/rate-limit";
import { call, uniqueEmail } from "@/lib/testing/http";
import { DELETE as revoke } from "./current/route";
import { POST as createToken } from "./route";

async function registered() {
  const email = uniqueEmail("mobile");
  const password = "pranchinha-2026";
  await call(register, { body: { name: "Caio Mobile", email, password } });
  return { email, password };
}

describe("mobile bearer tokens", () => {
  it("register → token → /api/me → revoke → 401", async () => {
    const { email, password } = await registered();
    const issued = await call(createToken, { body: { email, password, deviceName: "Pixel 9" } });
    expect(issued.status).toBe(201);
    expect(issued.json.tokenType).toBe("Bearer");
    expect(new Date(issued.json.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const token = issued.json.token as string;

    const who = await call(me, { token });
    expect(who.status).toBe(200);
    expect(who.json.user).toMatchObject({ email, name: "Caio Mobile", role: "customer" });

    const del = await call(revoke, { method: "DELETE", token });
    expect(del.status).toBe(204);

    const after = await call(me, { token });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe("unauthenticated");
  });

  it("gives the same 401 for an unknown email and a wrong password", async () => {
    const { email } = await registered();
    const wrong = await call(createToken, { body: { email, password: "not-the-password" }, headers: { "x-forwarded-for": "10.9.0.1" } });
    const unknown = await call(createToken, {
      body: { email: uniqueEmail("ghost"), password: "whatever1" },
      headers: { "x-forwarded-for": "10.9.0.2" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error).toMatchObject({ code: unknown.json.error.code, message: unknown.json.error.message });
  });

  it("rate limits repeated failures per account with retry-after, even with the right password", async () => {
    const { email, password } = await registered();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      const r = await call(createToken, { body: { email, password: `wrong-${i}` }, headers: { "x-forwarded-for": `10.1.0.${i}` } });
      expect(r.status).toBe(401);
    }
    const limited = await call(createToken, { body: { email, password }, headers: { "x-forwarded-for": "10.1.1.1" } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("a parallel burst of wrong passwords cannot slip past the per-account limit", async () => {
    const { email } = await registered();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        call(createToken, { body: { email, password: `burst-${i}` }, headers: { "x-forwarded-for": `10.3.${i}.1` } }),
      ),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(SIGN_IN_LIMITS.perAccount);
    expect(results.filter((r) => r.status === 429)).toHaveLength(25 - SIGN_IN_LIMITS.perAccount);
  });

  it("uses the last x-forwarded-for hop (the proxy's), not what the client put first", async () => {
    const ip = `10.4.${Math.floor(Math.random() * 200)}.9`;
    let last = 0;
    for (let i = 0; i <= SIGN_IN_LIMITS.perIp; i++) {
      const spoofed = `203.0.113.${i}`;
      const r = await call(createToken, { body: { email: uniqueEmail("spoof"), password: "x" }, headers: { "x-forwarded-for": `${spoofed}, ${ip}` } });
      last = r.status;
    }
    expect(last).toBe(429);
  });

  it("rate limits repeated failures per client address across accounts", async () => {
    const ip = `10.2.${Math.floor(Math.random() * 200)}.7`;
    let last = 0;
    for (let i = 0; i <= SIGN_IN_LIMITS.perIp; i++) {
      const r = await call(createToken, { body: { email: uniqueEmail("spray"), password: "x" }, headers: { "x-forwarded-for": ip } });
      last = r.status;
    }
    expect(last).toBe(429);
  });

  it("refuses DELETE /api/tokens/current without a bearer token, and garbage tokens", async () => {
    expect((await call(revoke, { method: "DELETE" })).status).toBe(401);
    expect((await call(me, { token: "owt_not-a-real-token" })).status).toBe(401);
    expect((await call(me, { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });
});
