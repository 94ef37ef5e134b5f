import { describe, expect, it } from "vitest";
import { call } from "@/lib/testing/http";
import { GET, PUT } from "./route";

describe("unknown API routes", () => {
  it.each([
    ["GET", GET],
    ["PUT", PUT],
  ])("%s answers the contract's JSON 404 with a request id and the API security headers", async (method, handler) => {
    const res = await call(handler, { method, path: "/api/nothing-here" });
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: "not_found", requestId: res.headers.get("x-request-id") });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
