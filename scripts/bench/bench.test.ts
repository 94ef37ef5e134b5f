import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { HttpResult } from "./http";
import { runAllBenches } from "./run-all";
import { benchBuildStaleReason, markBenchBuild } from "./server";
import { webhookVerdict } from "./verdict";

const tmp: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "onlywave-bench-test-"));
  tmp.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of tmp.splice(0)) rmSync(d, { recursive: true, force: true });
});

const result = (over: Partial<HttpResult>): HttpResult => ({ name: "x", requestsPerSecond: 1000, p50Ms: 5, p99Ms: 20, non2xx: 0, errors: 0, ...over });

describe("webhook verdict", () => {
  const baseline = result({ requestsPerSecond: 1000 });
  it("meets with enough throughput and every ack 2xx", () => {
    expect(webhookVerdict(result({ requestsPerSecond: 600 }), baseline)).toMatch(/^webhook ack: meets/);
  });
  it("does not meet when any response is not 2xx or a connection failed, however fast", () => {
    expect(webhookVerdict(result({ requestsPerSecond: 900, non2xx: 3 }), baseline)).toMatch(/^webhook ack: does NOT meet.*3 non-2xx, 0 errors/);
    expect(webhookVerdict(result({ requestsPerSecond: 900, errors: 1 }), baseline)).toMatch(/^webhook ack: does NOT meet.*0 non-2xx, 1 errors/);
  });
  it("does not meet below half the baseline", () => {
    expect(webhookVerdict(result({ requestsPerSecond: 400 }), baseline)).toMatch(/^webhook ack: does NOT meet/);
  });
});

describe("bench build reuse", () => {
  function project() {
    const dir = scratch();
    mkdirSync(path.join(dir, "app"), { recursive: true });
    mkdirSync(path.join(dir, ".next"), { recursive: true });
    writeFileSync(path.join(dir, "app/page.tsx"), "export default 1;\n");
    writeFileSync(path.join(dir, "next.config.ts"), "export default {};\n");
    const old = new Date(Date.now() - 60_000);
    for (const f of ["app/page.tsx", "next.config.ts", "app"]) utimesSync(path.join(dir, f), old, old);
    return dir;
  }

  it("builds when there is no build, or when the build is not the bench's (npm test's e2e build)", () => {
    const dir = project();
    expect(benchBuildStaleReason(dir)).toBe("no production build");
    writeFileSync(path.join(dir, ".next/BUILD_ID"), "e2e-build\n");
    expect(benchBuildStaleReason(dir)).toMatch(/not made by the bench/);
    markBenchBuild(dir);
    expect(benchBuildStaleReason(dir)).toBeUndefined();
    // npm test rebuilds into .next: a new BUILD_ID the marker does not name.
    writeFileSync(path.join(dir, ".next/BUILD_ID"), "another-build\n");
    expect(benchBuildStaleReason(dir)).toMatch(/not made by the bench/);
  });

  it("builds when a source is newer than the bench build, but not for a test file", () => {
    const dir = project();
    writeFileSync(path.join(dir, ".next/BUILD_ID"), "bench-build\n");
    markBenchBuild(dir);
    expect(readFileSync(path.join(dir, ".next/BENCH_BUILD"), "utf8")).toBe("bench-build");
    const later = new Date(Date.now() + 60_000);
    writeFileSync(path.join(dir, "app/page.test.tsx"), "test\n");
    utimesSync(path.join(dir, "app/page.test.tsx"), later, later);
    expect(benchBuildStaleReason(dir)).toBeUndefined();
    utimesSync(path.join(dir, "next.config.ts"), later, later);
    expect(benchBuildStaleReason(dir)).toMatch(/sources changed/);
  });
});

describe("npm run bench orchestration", () => {
  it("still runs the extra benches when the HTTP bench throws, and reports the failure", async () => {
    const dir = scratch();
    const out = path.join(dir, "ran.txt");
    const script = path.join(dir, "extra.ts");
    writeFileSync(script, `require("node:fs").appendFileSync(${JSON.stringify(out)}, "extra\\n");\n`);
    const ok = await runAllBenches(async () => {
      throw new Error("bench server did not become healthy");
    }, [script, script]);
    expect(ok).toBe(false);
    expect(readFileSync(out, "utf8")).toBe("extra\nextra\n");
  });

  it("passes only when the HTTP bench and every extra bench pass", async () => {
    const dir = scratch();
    const pass = path.join(dir, "pass.ts");
    const fail = path.join(dir, "fail.ts");
    writeFileSync(pass, "process.exit(0);\n");
    writeFileSync(fail, "process.exit(1);\n");
    expect(await runAllBenches(async () => {}, [pass])).toBe(true);
    expect(await runAllBenches(async () => {}, [pass, fail])).toBe(false);
  });
});
