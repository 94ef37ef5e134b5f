import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runWithContext } from "./context";
import { createLogger } from "./logger";

function collect() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, log: createLogger({ level: "debug", destination, pretty: false }) };
}

describe("logger", () => {
  it("redacts passwords, tokens, emails, authorization headers and card data by path", () => {
    const { lines, log } = collect();
    log.info(
      {
        password: "hunter2",
        token: "tok-secret-1",
        email: "ana@example.com",
        user: { email: "ana@example.com", name: "Ana" },
        headers: { authorization: "Bearer tok-secret-2", cookie: "sid=abc", "user-agent": "curl" },
        body: { card: { number: "4111111111111111" }, payer: { email: "ana@example.com" } },
        account: { accessToken: "APP_USR-xyz", apiKey: "SG.k.k" },
      },
      "signup",
    );
    const text = JSON.stringify(lines);
    for (const secret of ["hunter2", "tok-secret-1", "tok-secret-2", "ana@example.com", "sid=abc", "4111111111111111", "APP_USR-xyz", "SG.k.k"]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ msg: "signup", password: "[redacted]", user: { name: "Ana", email: "[redacted]" } });
    expect((lines[0] as { headers: Record<string, string> }).headers["user-agent"]).toBe("curl");
  });

  it("scrubs emails and query parameters out of error messages and stacks", () => {
    const { lines, log } = collect();
    log.error({ err: new Error('Failed query: select 1\nparams: "bob@example.com"') }, "db failed");
    const err = lines[0]!.err as { message: string; stack: string };
    expect(err.message).toBe("Failed query: select 1\nparams: [Filtered]");
    expect(err.stack).not.toContain("bob@example.com");
  });

  it("adds the request id, route and user id of the current request", () => {
    const { lines, log } = collect();
    runWithContext({ requestId: "req-9", route: "/api/me", userId: "u-7" }, () => log.info({ status: 200 }, "request"));
    expect(lines[0]).toMatchObject({ requestId: "req-9", route: "/api/me", userId: "u-7", status: 200, service: "onlywave" });
  });
});
