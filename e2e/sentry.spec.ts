import { expect, type Page, test } from "@playwright/test";
import { eventMessages, eventsIn, type ParsedEnvelope, type SentryEvent } from "../emulators/sentry/index";
import { signUp } from "./support/auth";
import { e2eEnv } from "./support/env";

/**
 * Browser errors reach Sentry: the production build's browser SDK (DSN inlined at build time,
 * scripts/test.ts) posts to the local Sentry sink scripts/e2e-server.ts runs
 * (emulators/sentry), through the page's CSP and CORS, with the shared scrubber applied.
 *
 * Errors are thrown from `page.evaluate` inside a real page, so the app needs no "throw on
 * purpose" surface; Sentry's global handlers catch them as they would any uncaught error.
 */

const BUILD_HINT =
  "the build's browser DSN must point at the e2e Sentry sink: build with " +
  "`NEXT_PUBLIC_SENTRY_DSN=http://public@127.0.0.1:3199/1 SENTRY_ENVIRONMENT=e2e npx next build` (scripts/test.ts does), " +
  "and port 3199 must be free when the e2e server starts (else it warns and the sink moves)";

function sinkUrl(): string {
  const url = e2eEnv().SENTRY_SINK_URL;
  if (!url) throw new Error("SENTRY_SINK_URL missing from the e2e env file (scripts/e2e-server.ts)");
  return url;
}

async function envelopesWithEvents(): Promise<ParsedEnvelope[]> {
  const res = await fetch(`${sinkUrl()}/envelopes?type=event`);
  return (await res.json()) as ParsedEnvelope[];
}

/** The first error event matching `match` (`what` names it in the failure), and its envelope. */
async function waitForEvent(match: (event: SentryEvent) => boolean, what: string): Promise<{ event: SentryEvent; envelope: ParsedEnvelope }> {
  let found: { event: SentryEvent; envelope: ParsedEnvelope } | undefined;
  await expect
    .poll(
      async () => {
        for (const envelope of await envelopesWithEvents()) {
          const event = eventsIn([envelope]).find(match);
          if (event) found = { event, envelope };
        }
        return Boolean(found);
      },
      { timeout: 15_000, message: `no Sentry event ${what} reached the sink` },
    )
    .toBe(true);
  return found!;
}

/** Matches events whose exception or message contains `text`. */
const containing = (text: string) => (event: SentryEvent) => eventMessages(event).some((m) => m.includes(text));

/**
 * What would mean the SDK could not deliver: Chromium's console lines for CORS and CSP refusals
 * ("… has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header …") and failed
 * requests to the sink.
 */
function watchDeliveryProblems(page: Page): string[] {
  const problems: string[] = [];
  const sink = new URL(sinkUrl()).origin;
  page.on("console", (msg) => {
    if (/CORS|Access-Control-Allow-Origin|Content Security Policy/i.test(msg.text())) problems.push(msg.text());
  });
  page.on("requestfailed", (req) => {
    if (req.url().startsWith(sink)) problems.push(`${req.url()}: ${req.failure()?.errorText}`);
  });
  return problems;
}

/** Every property of the event's user other than the id (must stay empty). */
function userFieldsBesidesId(event: SentryEvent): string[] {
  return Object.keys(event.user ?? {}).filter((k) => k !== "id");
}

test.describe("Sentry in the browser", () => {
  test.beforeEach(async ({ request }) => {
    // The proxy adds the build's NEXT_PUBLIC_SENTRY_DSN origin to connect-src, so the CSP tells
    // which DSN this build carries; without the sink's origin the browser would not reach it.
    const csp = (await request.get("/")).headers()["content-security-policy"] ?? "";
    const connect = csp.split(";").find((d) => d.trim().startsWith("connect-src")) ?? "";
    expect(connect, BUILD_HINT).toContain(new URL(sinkUrl()).origin);
  });

  test("an uncaught error and an unhandled rejection in a signed-in shopper's page arrive, scrubbed", async ({ page, baseURL }) => {
    const problems = watchDeliveryProblems(page);
    const { email, password } = await signUp(page, "Rita Erro");
    const session = (await page.context().cookies()).find((c) => c.name.includes("session-token"));
    expect(session, "signed in with a session cookie").toBeTruthy();

    await page.goto("/cart");
    const marker = `e2e-browser-${Date.now().toString(36)}`;
    await page.evaluate(
      ({ marker, email }) => {
        // Thrown outside the evaluate call, so nothing catches it but the page's global handlers.
        setTimeout(() => {
          throw new Error(`${marker} uncaught: cart widget failed for ${email}`);
        }, 0);
        setTimeout(() => {
          void Promise.reject(new Error(`${marker} rejection: coupon lookup failed`));
        }, 0);
      },
      { marker, email },
    );

    const { event, envelope } = await waitForEvent(containing(`${marker} uncaught`), "for the uncaught error");
    const { event: rejection } = await waitForEvent(containing(`${marker} rejection`), "for the unhandled rejection");

    // It came from the browser SDK of this build, through CORS, for this page.
    expect(envelope.requestHeaders.origin).toBe(new URL(baseURL!).origin);
    expect(envelope.path).toMatch(/^\/api\/1\/envelope\/\?.*sentry_key=public/);
    expect(event.platform).toBe("javascript");
    expect(event.sdk?.name).toMatch(/^sentry\.javascript\./);
    expect(event.environment, BUILD_HINT).toBe("e2e");
    expect(event.request?.url).toBe(`${new URL(baseURL!).origin}/cart`);
    expect(event.exception?.values?.at(-1)?.mechanism?.handled).toBe(false);
    expect(rejection.exception?.values?.at(-1)?.mechanism?.type).toMatch(/onunhandledrejection/);
    expect(rejection.environment).toBe("e2e");

    // The browser runs the same scrubber as the server: the email in the message is masked.
    expect(eventMessages(event).join(" ")).toContain(`${marker} uncaught: cart widget failed for [email]`);
    // Nothing personal or secret: no user fields beyond an id, no cookies, no credentials.
    expect(userFieldsBesidesId(event)).toEqual([]);
    expect(event.request?.cookies).toBeUndefined();
    expect(Object.keys(event.request?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain("cookie");
    expect(Object.keys(event.request?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain("authorization");
    for (const secret of [email, password, session!.value]) {
      expect(envelope.raw).not.toContain(secret);
    }

    expect(problems, "the browser reported CORS/CSP problems delivering to Sentry").toEqual([]);
  });

  test("the browser scrubber keeps only the user's id", async ({ page }) => {
    await page.goto("/");
    const marker = `e2e-user-${Date.now().toString(36)}`;
    // Set a user with personal fields through the SDK's global scope, as careless code could, and
    // check that only the id leaves the page.
    await page.evaluate((marker) => {
      const carrier = (window as unknown as { __SENTRY__?: Record<string, unknown> & { version?: string } }).__SENTRY__;
      const hub = carrier?.[carrier.version ?? ""] as { defaultIsolationScope?: { setUser(u: object): void } } | undefined;
      if (!hub?.defaultIsolationScope) throw new Error("Sentry is not initialised in this page");
      hub.defaultIsolationScope.setUser({ id: "user-e2e-1", email: "rita@example.com", username: "rita", ip_address: "200.1.2.3" });
      setTimeout(() => {
        throw new Error(`${marker} with a user`);
      }, 0);
    }, marker);

    const { event, envelope } = await waitForEvent(containing(marker), `containing "${marker}"`);
    expect(event.user).toEqual({ id: "user-e2e-1" });
    expect(envelope.raw).not.toMatch(/rita@example\.com|200\.1\.2\.3|"username"/);
  });

  // The root layout's SentryUser sets the signed-in shopper's id (and only that) on the browser SDK.
  test("browser events carry the signed-in shopper's id", async ({ page }) => {
    await signUp(page, "Rita Conta");
    const me = (await (await page.request.get("/api/me")).json()) as { user: { id: string } };
    const marker = `e2e-shopper-${Date.now().toString(36)}`;
    await page.evaluate((marker) => {
      setTimeout(() => {
        throw new Error(`${marker} for the signed-in shopper`);
      }, 0);
    }, marker);
    const { event } = await waitForEvent(containing(marker), `containing "${marker}"`);
    expect(event.user).toEqual({ id: me.user.id });
  });
});

test.describe("Sentry on the server (next start)", () => {
  test("a server rendering error of a signed-in shopper arrives through onRequestError, without credentials", async ({ page }) => {
    const { email } = await signUp(page, "Rita Servidor");
    const session = (await page.context().cookies()).find((c) => c.name.includes("session-token"))!;
    const requestId = `e2e-sentry-${Date.now().toString(36)}`;
    // A cheap server error that needs no test-only code: Next itself throws "The router state
    // header was sent but could not be parsed." while rendering, and hands it to onRequestError
    // (instrumentation.ts). If a Next upgrade starts answering 400 here, pick another trigger.
    const res = await page.request.get("/account", {
      headers: { rsc: "1", "next-router-state-tree": "not-json", "x-request-id": requestId, authorization: "Bearer e2e-secret-token-123" },
    });
    expect(res.status()).toBe(500);

    const { event, envelope } = await waitForEvent((e) => e.tags?.request_id === requestId, `tagged request_id=${requestId}`);
    expect(event.platform).toBe("node");
    expect(event.environment).toBe("e2e");
    expect(eventMessages(event).join(" ")).toContain("router state header");
    expect(userFieldsBesidesId(event)).toEqual([]);
    expect(event.request?.cookies).toBeUndefined();
    // onRequestError events list every request header name; values outside the dataCollection
    // allow-list (and sensitive names, by scrubEvent) read "[Filtered]".
    for (const [name, value] of Object.entries(event.request?.headers ?? {})) {
      if (/^(cookie|authorization)$/i.test(name)) expect(value, name).toBe("[Filtered]");
    }
    for (const secret of [email, session.value, "e2e-secret-token-123"]) {
      expect(envelope.raw).not.toContain(secret);
    }
  });
});
