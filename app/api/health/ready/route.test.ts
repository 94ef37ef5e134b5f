import http from "node:http";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { s3EmulatorEnv, startS3Emulator, type S3Emulator } from "@/emulators/s3";
import { resetConfig } from "@/lib/config";
import { closeDb, getDb } from "@/lib/db";
import { forgetReadiness, READY_MAX_AGE_MS } from "@/lib/observability/health/readiness";
import { call } from "@/lib/testing/http";
import { GET } from "./route";

type Entry = { status: string; observedValue: number; observedUnit: string; time: string; output?: string };
type Body = { status: string; output?: string; checks: Record<string, Entry[]> };

const original = { ...process.env };
let s3: S3Emulator;

function setEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetConfig();
}

/**
 * One GET, by default with a fresh evaluation (the route reuses one for READY_MAX_AGE_MS, and these
 * tests change the dependencies between calls); `{ cached: true }` is what a visitor gets.
 */
async function ready(opts: { cached?: boolean } = {}) {
  if (!opts.cached) forgetReadiness();
  const started = performance.now();
  const res = await call<Body>(GET, { path: "/api/health/ready" });
  return { ...res, ms: performance.now() - started };
}

const check = (body: Body, name: string) => body.checks[`${name}:responseTime`]![0]!;

/** A stand-in for Mercado Pago's authenticated search: 200 for the right token, 401 otherwise. */
async function startPaymentsApi(token: string) {
  const hits = { count: 0 };
  const server = http.createServer((req, res) => {
    hits.count++;
    const ok = req.url?.startsWith("/v1/payments/search") && req.headers.authorization === `Bearer ${token}`;
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" }).end(ok ? '{"results":[]}' : '{"message":"invalid token"}');
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, hits, close: () => server.close() };
}

/** A TCP listener standing in for the SMTP server (the check only connects). */
async function startTcp() {
  const server = net.createServer((s) => {
    s.on("error", () => {}); // the check hangs up as soon as it is connected
    s.end("220 ready\r\n");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

beforeAll(async () => {
  s3 = await startS3Emulator();
  setEnv({ ...s3EmulatorEnv(s3), MERCADOPAGO_ACCESS_TOKEN: undefined, EMAIL_PROVIDER: undefined });
  await getDb(); // first open (PGlite migrates) is not what these tests measure
});

afterEach(() => {
  setEnv({
    ...s3EmulatorEnv(s3),
    MERCADOPAGO_ACCESS_TOKEN: undefined,
    MERCADOPAGO_API_URL: undefined,
    EMAIL_PROVIDER: undefined,
    SMTP_URL: undefined,
  });
});

afterAll(async () => {
  await s3.close();
  setEnv({ ...original });
});

describe("GET /api/health/ready", () => {
  it("answers 200 health+json with a status and a duration per check; unconfigured optional ones warn", async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/health+json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json.status).toBe("warn");
    expect(Object.keys(res.json.checks).sort()).toEqual([
      "database:responseTime",
      "email:responseTime",
      "payments:responseTime",
      "storage:responseTime",
    ]);
    expect(check(res.json, "database")).toMatchObject({ status: "pass", observedUnit: "ms" });
    expect(check(res.json, "database").observedValue).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(check(res.json, "database").time))).toBe(false);
    expect(check(res.json, "storage").status).toBe("pass");
    expect(check(res.json, "payments")).toMatchObject({ status: "warn", output: expect.stringContaining("MERCADOPAGO_ACCESS_TOKEN") });
    expect(check(res.json, "email").status).toBe("warn");
  });

  it("passes payments when Mercado Pago accepts the token, and warns (still 200) when it refuses it", async () => {
    const api = await startPaymentsApi("APP_USR-good");
    try {
      setEnv({ MERCADOPAGO_API_URL: api.url, MERCADOPAGO_ACCESS_TOKEN: "APP_USR-good" });
      expect(check((await ready()).json, "payments").status).toBe("pass");
      setEnv({ MERCADOPAGO_ACCESS_TOKEN: "APP_USR-revoked" });
      const res = await ready();
      expect(res.status).toBe(200);
      expect(check(res.json, "payments")).toMatchObject({ status: "warn", output: "Mercado Pago respondeu HTTP 401" });
      expect(JSON.stringify(res.json)).not.toContain("APP_USR-revoked");
    } finally {
      api.close();
    }
  });

  it(`reuses one evaluation for ${READY_MAX_AGE_MS / 1000} s: anonymous hits do not each search Mercado Pago`, async () => {
    const api = await startPaymentsApi("APP_USR-good");
    try {
      setEnv({ MERCADOPAGO_API_URL: api.url, MERCADOPAGO_ACCESS_TOKEN: "APP_USR-good" });
      forgetReadiness();
      const first = await ready({ cached: true });
      expect(first.status).toBe(200);
      expect(api.hits.count).toBe(1);
      // A burst, one after the other and at once: all answered from the same evaluation.
      for (let i = 0; i < 5; i++) expect((await ready({ cached: true })).json).toEqual(first.json);
      await Promise.all(Array.from({ length: 10 }, () => ready({ cached: true })));
      expect(api.hits.count).toBe(1);

      // Once it is older than the window, the next hit checks again.
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() + READY_MAX_AGE_MS + 1);
      expect((await ready({ cached: true })).status).toBe(200);
      expect(api.hits.count).toBe(2);
    } finally {
      vi.useRealTimers();
      api.close();
    }
  });

  it("checks that the SMTP server accepts connections", async () => {
    const smtp = await startTcp();
    setEnv({ EMAIL_PROVIDER: "smtp", SMTP_URL: `smtp://user:pw@127.0.0.1:${smtp.port}` });
    expect(check((await ready()).json, "email").status).toBe("pass");
    smtp.close();
    const res = await ready();
    expect(check(res.json, "email")).toMatchObject({ status: "warn", output: "sem conexão" });
    expect(res.status).toBe(200);
  });

  it("answers 503 naming storage when the bucket is not reachable", async () => {
    setEnv({ S3_BUCKET: "bucket-that-does-not-exist" });
    const res = await ready();
    expect(res.status).toBe(503);
    expect(res.json.status).toBe("fail");
    expect(check(res.json, "storage").status).toBe("fail");
    expect(res.json.output).toContain("storage: fail");
  });

  it("answers 503 naming the database when its URL points nowhere, and 200 again once it is back, without a restart", async () => {
    const working = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR };
    setEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:9/onlywave" });
    await closeDb();
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.json.status).toBe("fail");
    expect(check(down.json, "database").status).toBe("fail");
    expect(down.json.output).toMatch(/^database: fail/);
    expect(JSON.stringify(down.json)).not.toContain("127.0.0.1:9"); // no hosts on a public endpoint
    expect(down.ms).toBeLessThan(2500);

    setEnv(working);
    await closeDb();
    // The same process recovers: the next checks reopen the database (PGlite needs a few seconds
    // to open and migrate, which the first check may exceed; it finishes in the background).
    let back = await ready();
    for (let i = 0; i < 20 && back.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      back = await ready();
    }
    expect(back.status).toBe(200);
    expect(check(back.json, "database").status).toBe("pass");
  });
});

/**
 * With a real PostgreSQL (DATABASE_URL set for the run), the outage is simulated by a TCP proxy
 * in front of it that stops and starts again on the same port, like a database restart: the
 * app's connection pool is not reset by the test, it has to recover on its own.
 */
async function startProxy(target: { host: string; port: number }, port = 0) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    port: (server.address() as net.AddressInfo).port,
    stop: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

const realDatabase = process.env.DATABASE_URL;
if (realDatabase) {
  describe("GET /api/health/ready against a PostgreSQL that stops and starts", () => {
    it("answers 503 naming the database while it is down and 200 when it is back, same pool", async () => {
      const url = new URL(realDatabase);
      let proxy = await startProxy({ host: url.hostname, port: Number(url.port || 5432) });
      const port = proxy.port;
      const viaProxy = new URL(realDatabase);
      viaProxy.host = `127.0.0.1:${port}`;
      setEnv({ DATABASE_URL: viaProxy.toString() });
      await closeDb();
      try {
        expect((await ready()).status).toBe(200);
        await proxy.stop();
        const down = await ready();
        expect(down.status).toBe(503);
        expect(check(down.json, "database").status).toBe("fail");
        expect(down.json.output).toMatch(/^database: fail/);
        proxy = await startProxy({ host: url.hostname, port: Number(url.port || 5432) }, port);
        const back = await ready();
        expect(back.status).toBe(200);
        expect(check(back.json, "database").status).toBe("pass");
      } finally {
        await proxy.stop();
        setEnv({ DATABASE_URL: realDatabase });
        await closeDb();
      }
    });
  });
}
