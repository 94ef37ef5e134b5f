import type { Event } from "@sentry/nextjs";
import { describe, expect, it } from "vitest";
import { scrubString } from "./scrub";
import { scrubBreadcrumb, scrubEvent, scrubSpan } from "./sentry-scrub";

describe("scrubString", () => {
  it("masks emails, credentials, provider keys, secret query parameters and valid card numbers", () => {
    const out = scrubString(
      [
        "user ana.surf+1@example.com.br",
        "Authorization: Bearer abcDEF123456789",
        "mp APP_USR-1234567890123456-120301-abcdef0123456789abcdef0123456789-123456",
        "sg SG.abcdefghij.klmnopqrstuv",
        "url https://x.test/cb?token=zzz999&page=2",
        "card 4111-1111-1111-1111 and 5555555555554444",
        "order 12345678901234 is not a card",
      ].join("\n"),
    );
    expect(out).not.toMatch(/ana\.surf|abcDEF123456789|APP_USR-\d|SG\.abc|zzz999|4111-1111|5555555555554444/);
    expect(out).toContain("page=2");
    expect(out).toContain("order 12345678901234 is not a card"); // fails the Luhn check
  });

  it("drops drizzle's bound parameters from query error messages", () => {
    expect(scrubString('Failed query: select * from users where email = $1\nparams: "ana@x.com",42')).toBe(
      "Failed query: select * from users where email = $1\nparams: [Filtered]",
    );
  });
});

describe("password-reset tokens in URL paths", () => {
  const token = "q3Zr8_Kx-2mVbT9yLwNc4HdPaE6sUfGj1oRiYk7tXnA"; // randomBytes(32).toString("base64url")

  it("masks the token segment of /reset-password/<token> and /api/password-resets/<token>, keeping the rest", () => {
    expect(scrubString(`https://onlywave.com.br/reset-password/${token}`)).toBe("https://onlywave.com.br/reset-password/[Filtered]");
    expect(scrubString(`/reset-password/${token}?utm_source=email#top`)).toBe("/reset-password/[Filtered]?utm_source=email#top");
    expect(scrubString(`POST /api/password-resets/${token}`)).toBe("POST /api/password-resets/[Filtered]");
    expect(scrubString(`GET /api/password-resets/${encodeURIComponent(token)}/ 404`)).toBe("GET /api/password-resets/[Filtered]/ 404");
    // Route patterns are not secrets; the request endpoint and the form page are untouched.
    expect(scrubString("GET /reset-password/[token]")).toBe("GET /reset-password/[token]");
    expect(scrubString("POST /api/password-resets/{token}")).toBe("POST /api/password-resets/{token}");
    expect(scrubString("POST /api/password-resets")).toBe("POST /api/password-resets");
    expect(scrubString("/forgot-password")).toBe("/forgot-password");
  });

  it("reaches request.url, the transaction name, breadcrumbs and span names", () => {
    const event = scrubEvent({
      transaction: `GET /reset-password/${token}`,
      request: { url: `https://onlywave.com.br/reset-password/${token}`, headers: { referer: `https://onlywave.com.br/reset-password/${token}` } },
      breadcrumbs: [
        { category: "navigation", data: { from: "/forgot-password", to: `/reset-password/${token}` } },
        { category: "fetch", message: `POST /api/password-resets/${token}`, data: { url: `/api/password-resets/${token}`, method: "POST" } },
      ],
      spans: [{ description: `POST /api/password-resets/${token}`, data: { "url.path": `/api/password-resets/${token}` } } as never],
    } as Event);
    const crumb = scrubBreadcrumb({ category: "navigation", data: { to: `/reset-password/${token}` } });
    const span = scrubSpan({ name: `POST /api/password-resets/${token}`, attributes: { "http.target": `/api/password-resets/${token}` } });
    for (const out of [event, crumb, span]) expect(JSON.stringify(out)).not.toContain(token);
    expect(event.transaction).toBe("GET /reset-password/[Filtered]");
    expect(event.request?.url).toBe("https://onlywave.com.br/reset-password/[Filtered]");
    expect(span.name).toBe("POST /api/password-resets/[Filtered]");
  });
});

describe("scrubEvent", () => {
  it("keeps only the user id and removes bodies, cookies, credentials and personal values", () => {
    const event: Event = {
      message: "payment failed for ana@example.com",
      user: { id: "u-1", email: "ana@example.com", ip_address: "200.1.2.3", username: "ana" },
      request: {
        url: "https://onlywave.com.br/api/webhooks/mercadopago?data.id=1&token=abc123",
        data: { payer: { email: "ana@example.com" }, card: { number: "4111111111111111" } },
        cookies: { "next-auth.session-token": "jwt" },
        headers: { authorization: "Bearer tok_123456", "x-signature": "ts=1,v1=abc", "user-agent": "Mobile" },
        query_string: "token=abc123&data.id=1",
      },
      extra: { order: { email: "ana@example.com", totalCents: 1990 }, note: "cpf 123" },
      contexts: { details: { password: "hunter2", attempt: 2 } },
      breadcrumbs: [{ message: "GET /x?api_key=k123456", data: { url: "https://x.test/?token=t1" } }],
      exception: { values: [{ type: "Error", value: "boom ana@example.com" }] },
    };
    const out = scrubEvent(event);
    expect(out.user).toEqual({ id: "u-1" });
    expect(out.request?.data).toBeUndefined();
    expect(out.request?.cookies).toBeUndefined();
    expect(out.request?.headers).toEqual({ authorization: "[Filtered]", "x-signature": "[Filtered]", "user-agent": "Mobile" });
    expect(out.request?.query_string).toBe("token=[Filtered]&data.id=1");
    expect(out.extra).toEqual({ order: { email: "[Filtered]", totalCents: 1990 }, note: "cpf 123" });
    expect(out.contexts).toEqual({ details: { password: "[Filtered]", attempt: 2 } });
    const serialized = JSON.stringify(out);
    for (const secret of ["ana@example.com", "tok_123456", "abc123", "hunter2", "k123456", "t1\"", "4111111111111111"]) {
      expect(serialized).not.toContain(secret);
    }
  });

  it("leaves an anonymous event without a user", () => {
    expect(scrubEvent({ user: { email: "x@y.com" } }).user).toEqual({});
  });
});

describe("scrubSpan", () => {
  it("scrubs span names and attributes", () => {
    const span = scrubSpan({
      name: "GET /api/files?token=abc",
      attributes: { "url.full": "https://x/?signature=s1", "http.request.header.authorization": "Bearer zzzzzz1" },
    });
    expect(JSON.stringify(span)).not.toMatch(/abc|s1|zzzzzz1/);
  });
});
