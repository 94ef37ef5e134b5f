import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { API_METHODS, allowedMethods } from "@/lib/api/allowed-methods";
import { proxy } from "./proxy";

function request(method: string, path: string, headers?: Record<string, string>) {
  return new NextRequest(`http://localhost:3000${path}`, { method, headers });
}

describe("proxy: a method an API route does not serve", () => {
  it.each([
    ["PUT", "/api/users", "OPTIONS, POST"],
    ["DELETE", "/api/products/prancha-fish", "GET, HEAD, OPTIONS, PATCH"],
    ["POST", "/api/health", "GET, HEAD, OPTIONS"],
    ["GET", "/api/emails/test", "OPTIONS, POST"],
    ["PATCH", "/api/files/abc/grants/def", "DELETE, OPTIONS"],
  ])("%s %s answers 405 in the contract's error shape with Allow: %s", async (method, path, allow) => {
    const res = proxy(request(method, path));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe(allow);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "method_not_allowed", requestId: res.headers.get("x-request-id") });
    expect(body.error.message).toContain(method);
  });

  it("echoes the caller's request id", () => {
    const res = proxy(request("PUT", "/api/users", { "x-request-id": "mobile-123" }));
    expect(res.headers.get("x-request-id")).toBe("mobile-123");
  });

  it("lets served methods, HEAD, OPTIONS, unknown paths and next-auth through to the route", () => {
    for (const [method, path] of [
      ["POST", "/api/users"],
      ["GET", "/api/products/prancha-fish"],
      ["PATCH", "/api/products/0f8fad5b-d9cb-469f-a165-70867728950e"],
      ["HEAD", "/api/health"],
      ["OPTIONS", "/api/users"],
      ["PUT", "/api/does-not-exist"],
      ["PUT", "/api/auth/session"],
    ] as const) {
      const res = proxy(request(method, path));
      expect(res.status, `${method} ${path}`).toBe(200);
      expect(res.headers.get("x-middleware-next"), `${method} ${path}`).toBe("1");
    }
  });

  it("allows every method of the table at its path", () => {
    for (const [template, methods] of Object.entries(API_METHODS)) {
      const path = template.replace(/\{[^}]+\}/g, "x1");
      for (const method of methods) expect(allowedMethods(path), `${method} ${template}`).toContain(method);
    }
  });
});
