import { afterEach, describe, expect, it } from "vitest";
import { call } from "@/lib/testing/http";
import { GET } from "./route";

const saved = { NODE_ENV: process.env.NODE_ENV, APP_URL: process.env.APP_URL, SENTRY_RELEASE: process.env.SENTRY_RELEASE };

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("GET /api/health", () => {
  it("answers 200 application/health+json {status: pass} with a request id", async () => {
    delete process.env.SENTRY_RELEASE;
    const res = await call(GET, { path: "/api/health" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/health\+json/);
    expect(res.json).toEqual({ status: "pass" });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("echoes the caller's request id and names the release when one is set", async () => {
    process.env.SENTRY_RELEASE = "onlywave@1.2.3";
    const res = await call(GET, { path: "/api/health", headers: { "x-request-id": "statuscake-42" } });
    expect(res.headers.get("x-request-id")).toBe("statuscake-42");
    expect(res.json).toEqual({ status: "pass", releaseId: "onlywave@1.2.3" });
  });

  it("carries the API security headers, without HSTS outside production", async () => {
    const res = await call(GET, { path: "/api/health" });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS in production over https", async () => {
    Object.assign(process.env, { NODE_ENV: "production", APP_URL: "https://onlywave.com.br" });
    const res = await call(GET, { path: "/api/health" });
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains; preload");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
