import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStatusCakeClient, desiredUptimeChecks, StatusCakeError, syncUptimeChecks } from ".";
import { startStatusCakeStandIn } from "./testing/stand-in";

const KEY = "sc-test-key-0123456789";
let api: Awaited<ReturnType<typeof startStatusCakeStandIn>>;

beforeEach(async () => {
  api = await startStatusCakeStandIn({ apiKey: KEY });
});
afterEach(async () => {
  await api.close();
});

const client = () => createStatusCakeClient({ apiKey: KEY, baseUrl: api.url });
const byName = () => new Map([...api.checks.values()].map((c) => [c.name, c]));

describe("StatusCake uptime sync", () => {
  it("creates the liveness and readiness checks with form-encoded bodies and bearer auth", async () => {
    const actions = await syncUptimeChecks(client(), desiredUptimeChecks("https://shop.example.com/"));
    expect(actions.map((a) => a.action)).toEqual(["created", "created"]);
    const posts = api.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(2);
    for (const p of posts) {
      expect(p.path).toBe("/v1/uptime");
      expect(p.authorization).toBe(`Bearer ${KEY}`);
      expect(p.contentType).toBe("application/x-www-form-urlencoded");
      expect(p.form.get("test_type")).toBe("HTTP");
      expect(p.form.get("check_rate")).toBe("60");
      expect(p.form.get("follow_redirects")).toBe("false");
      expect(p.form.get("status_codes_csv")?.split(",")).toContain("503");
      expect(p.form.getAll("tags[]")).toEqual(["onlywave"]);
    }
    const checks = byName();
    expect(checks.get("OnlyWave liveness (/api/health)")?.website_url).toBe("https://shop.example.com/api/health");
    expect(checks.get("OnlyWave readiness (/api/health/ready)")?.website_url).toBe("https://shop.example.com/api/health/ready");
    expect(posts[0]!.form.get("find_string")).toBe("pass");
  });

  it("is idempotent: a second run updates the same two checks and creates none", async () => {
    const first = await syncUptimeChecks(client(), desiredUptimeChecks("https://shop.example.com"));
    const second = await syncUptimeChecks(client(), desiredUptimeChecks("https://shop.example.com", { checkRate: 300 }));
    expect(second.map((a) => a.action)).toEqual(["updated", "updated"]);
    expect(second.map((a) => a.id)).toEqual(first.map((a) => a.id));
    expect(api.checks.size).toBe(2);
    expect([...api.checks.values()].every((c) => c.check_rate === 300)).toBe(true);
    const puts = api.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.path)).toEqual(first.map((a) => `/v1/uptime/${a.id}`));
    expect(puts.every((r) => !r.form.has("test_type"))).toBe(true); // not updatable
  });

  it("moves existing checks to a new APP_URL, finds them across pages and leaves other checks alone", async () => {
    for (let i = 0; i < 30; i++) api.seed({ name: `other site ${i}`, website_url: `https://other${i}.example.org/` });
    const liveness = api.seed({ name: "OnlyWave liveness (/api/health)", website_url: "https://old.example.com/api/health" });
    const before = JSON.stringify([...api.checks.values()].filter((c) => c.name.startsWith("other")));
    const actions = await syncUptimeChecks(client(), desiredUptimeChecks("https://new.example.com"));
    expect(actions.map((a) => a.action)).toEqual(["updated", "created"]);
    expect(api.checks.get(liveness)?.website_url).toBe("https://new.example.com/api/health");
    expect(api.checks.size).toBe(32);
    expect(JSON.stringify([...api.checks.values()].filter((c) => c.name.startsWith("other")))).toBe(before);
    expect(api.requests.filter((r) => r.method === "GET" && r.path === "/v1/uptime").length).toBe(2); // 2 pages
  });

  it("changes nothing in a dry run", async () => {
    const actions = await syncUptimeChecks(client(), desiredUptimeChecks("https://shop.example.com"), { dryRun: true });
    expect(actions.map((a) => a.action)).toEqual(["created", "created"]);
    expect(api.checks.size).toBe(0);
    expect(api.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("reports API errors with the status, never the API key", async () => {
    const bad = createStatusCakeClient({ apiKey: "wrong-key-ABCDEF", baseUrl: api.url });
    const err = await bad.listUptime().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StatusCakeError);
    expect((err as StatusCakeError).status).toBe(401);
    expect(String(err)).not.toContain("wrong-key-ABCDEF");
    const invalid = await client()
      .createUptime({ ...desiredUptimeChecks("https://x.example.com")[0]!, checkRate: 45 as 60 })
      .catch((e: unknown) => e);
    expect((invalid as StatusCakeError).status).toBe(400);
    expect((invalid as StatusCakeError).body).toContain("check_rate");
  });
});

describe("npm run statuscake:sync (scripts/statuscake-sync.ts)", () => {
  // Async on purpose: the stand-in lives in this process, so a blocking spawnSync would deadlock.
  const run = (env: Record<string, string>, args: string[] = []) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(path.join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/statuscake-sync.ts", ...args], {
        cwd: process.cwd(),
        env: { PATH: process.env.PATH, NODE_ENV: "production", ...env },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d));
      child.stderr.on("data", (d: Buffer) => (stderr += d));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });

  it("creates then updates the checks for APP_URL against the API given by STATUSCAKE_API_URL", async () => {
    const env = { STATUSCAKE_API_KEY: KEY, STATUSCAKE_API_URL: api.url, APP_URL: "https://onlywave.example.com" };
    const first = await run(env, ["--contact-groups=12,34"]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("statuscake: 2 created, 0 updated");
    expect([...api.checks.values()].map((c) => c.website_url).sort()).toEqual([
      "https://onlywave.example.com/api/health",
      "https://onlywave.example.com/api/health/ready",
    ]);
    expect([...api.checks.values()][0]!.contact_groups).toEqual(["12", "34"]);
    const second = await run(env);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain("statuscake: 0 created, 2 updated");
    expect(api.checks.size).toBe(2);
  });

  it("refuses to run without an API key or with a local APP_URL", async () => {
    const noKey = await run({ STATUSCAKE_API_URL: api.url, APP_URL: "https://onlywave.example.com" });
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toContain("STATUSCAKE_API_KEY");
    const local = await run({ STATUSCAKE_API_KEY: KEY, STATUSCAKE_API_URL: api.url, APP_URL: "http://localhost:3000" });
    expect(local.status).toBe(1);
    expect(local.stderr).toContain("APP_URL");
    expect(api.requests).toHaveLength(0);
  });
});
