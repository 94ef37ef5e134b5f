/** `npm run emulator:mercadopago` (cli.ts) as a child process: env configuration and printed credentials. */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { call } from "./test-helpers";

const require = createRequire(import.meta.url);
const TSX_CLI = join(require.resolve("tsx/package.json"), "..", "dist", "cli.mjs");
const CLI = join(import.meta.dirname, "cli.ts");

let child: ChildProcess | null = null;

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  child = null;
});

/** Starts the CLI and resolves with its printed lines once it is ready. */
function startCli(env: Record<string, string>): Promise<{ output: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [TSX_CLI, CLI], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child = proc;
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("MERCADOPAGO_WEBHOOK_SECRET=") && output.split("MERCADOPAGO_WEBHOOK_SECRET=")[1].includes("\n")) {
        clearTimeout(timer);
        resolve({ output, proc });
      }
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", onData);
    proc.once("exit", (code) => reject(new Error(`CLI exited with ${code}:\n${output}`)));
  });
}

const printed = (output: string, name: string) => new RegExp(`${name}=(\\S+)`).exec(output)![1];

describe("cli", () => {
  it("uses MP_EMULATOR_PORT, MP_EMULATOR_ACCESS_TOKEN and MP_EMULATOR_WEBHOOK_SECRET", async () => {
    const { output } = await startCli({ MP_EMULATOR_PORT: "0", MP_EMULATOR_ACCESS_TOKEN: "APP_USR-cli-token", MP_EMULATOR_WEBHOOK_SECRET: "cli-secret" });
    const url = printed(output, "MERCADOPAGO_API_URL");
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(printed(output, "MERCADOPAGO_ACCESS_TOKEN")).toBe("APP_USR-cli-token");
    expect(printed(output, "MERCADOPAGO_WEBHOOK_SECRET")).toBe("cli-secret");
    expect((await call({ url, accessToken: "APP_USR-cli-token" }, "GET", "/v1/payments/search")).status).toBe(200);
    expect((await call({ url, accessToken: "other" }, "GET", "/v1/payments/search")).status).toBe(401);
  });

  it("generates and prints a token and a secret when they are not set, and stops on SIGTERM", async () => {
    const { output, proc } = await startCli({ MP_EMULATOR_PORT: "0", MP_EMULATOR_ACCESS_TOKEN: "", MP_EMULATOR_WEBHOOK_SECRET: "" });
    const url = printed(output, "MERCADOPAGO_API_URL");
    const token = printed(output, "MERCADOPAGO_ACCESS_TOKEN");
    expect(token).toMatch(/^APP_USR-\d{16}-\d{6}-[0-9a-f]{32}-\d+$/);
    expect(printed(output, "MERCADOPAGO_WEBHOOK_SECRET")).toMatch(/^[0-9a-f]{64}$/);
    expect((await call({ url, accessToken: token }, "GET", "/v1/payments/search")).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("refuses an invalid port", async () => {
    await expect(startCli({ MP_EMULATOR_PORT: "abc" })).rejects.toThrow(/MP_EMULATOR_PORT must be a non-negative integer/);
  });
});
