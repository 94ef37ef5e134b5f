import { describe, expect, it } from "vitest";
import { apiSecurityHeaders, securityHeaders } from "./security-headers";

const page = (production: boolean, https: boolean) =>
  securityHeaders({ production, https, extraConnect: [], extraImg: [], nonce: "bm9uY2U=" });

describe("security headers", () => {
  it("pages in production over https get HSTS", () => {
    expect(page(true, true)["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains; preload");
  });

  it("pages in development, or production over plain http, get no HSTS", () => {
    expect(page(false, true)).not.toHaveProperty("strict-transport-security");
    expect(page(false, false)).not.toHaveProperty("strict-transport-security");
    expect(page(true, false)).not.toHaveProperty("strict-transport-security");
  });

  it("development pages allow eval and websockets (HMR); production pages do not", () => {
    expect(page(false, false)["content-security-policy"]).toContain("'unsafe-eval'");
    expect(page(true, true)["content-security-policy"]).not.toContain("'unsafe-eval'");
    expect(page(true, true)["content-security-policy"]).not.toContain("ws:");
  });

  it("API answers get nosniff and a referrer policy always, HSTS only in production over https", () => {
    const dev = apiSecurityHeaders({ production: false, https: false });
    expect(dev).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
    expect(dev).not.toHaveProperty("strict-transport-security");
    expect(apiSecurityHeaders({ production: false, https: true })).not.toHaveProperty("strict-transport-security");
    expect(apiSecurityHeaders({ production: true, https: true })["strict-transport-security"]).toMatch(/^max-age=63072000/);
  });
});
