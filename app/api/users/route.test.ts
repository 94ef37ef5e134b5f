import { describe, expect, it } from "vitest";
import { call, uniqueEmail } from "@/lib/testing/http";
import { POST } from "./route";

describe("POST /api/users", () => {
  it("registers a customer and never returns the password", async () => {
    const email = uniqueEmail();
    const res = await call(POST, { path: "/api/users", body: { name: "Ana Surfista", email: email.toUpperCase(), password: "longboard99" } });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ name: "Ana Surfista", email, role: "customer" });
    expect(res.text).not.toContain("longboard99");
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 409 when the email is taken, case-insensitively", async () => {
    const email = uniqueEmail();
    await call(POST, { body: { name: "A", email, password: "12345678" } });
    const res = await call(POST, { body: { name: "B", email: ` ${email.toUpperCase()} `, password: "12345678" } });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("email_taken");
  });

  it("gives one 201 and one 409 to concurrent sign-ups with the same email", async () => {
    const email = uniqueEmail();
    const results = await Promise.all(
      [1, 2, 3].map((n) => call(POST, { body: { name: `U${n}`, email, password: "12345678" } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it("answers 422 with details for a weak password and a bad email", async () => {
    const res = await call(POST, { body: { name: "Ana", email: "not-an-email", password: "short" } });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    const paths = res.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("answers 400 for malformed JSON and echoes the caller's request id", async () => {
    const res = await call(POST, {
      rawBody: '{"name": "Ana",',
      headers: { "content-type": "application/json", "x-request-id": "mobile-req-123" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("malformed_json");
    expect(res.json.error.requestId).toBe("mobile-req-123");
    expect(res.headers.get("x-request-id")).toBe("mobile-req-123");
  });

  it("answers 413 for an oversized body", async () => {
    const res = await call(POST, { body: { name: "x".repeat(1_100_000), email: uniqueEmail(), password: "12345678" } });
    expect(res.status).toBe(413);
  });
});
