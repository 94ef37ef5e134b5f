import { readFileSync } from "node:fs";
import path from "node:path";

/** What scripts/e2e-server.ts started for this run's port: stand-in URLs, secrets and the admin login. */
export function e2eEnv(): Record<string, string> {
  return JSON.parse(readFileSync(path.resolve(`.tmp/e2e-env-${process.env.E2E_PORT ?? 3100}.json`), "utf8"));
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}
