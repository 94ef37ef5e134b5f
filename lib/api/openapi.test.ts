import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as openapiRoute } from "@/app/api/openapi.json/route";
import { GET as unknownRoute, POST as unknownPost } from "@/app/api/[...path]/route";
import { call } from "@/lib/testing/http";

const API_DIR = path.join(process.cwd(), "app/api");
/** Not ours to describe: next-auth's own endpoints, and the JSON 404 for unknown paths. */
const EXCLUDED = [/^\/api\/auth\//, /\/\{\.\.\.path\}$/];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

function templateOf(file: string): string {
  const rel = path.relative(API_DIR, path.dirname(file)).split(path.sep).filter(Boolean);
  return `/api/${rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`.replace(/\/$/, "");
}

function methodsOf(file: string): string[] {
  const src = readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const m of src.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1]!);
  for (const m of src.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1]!);
  return [...found];
}

const normalize = (p: string) => p.replace(/\{[^}]+\}/g, "{}");

describe("OpenAPI document", () => {
  it("describes every route handler that exists, method by method", async () => {
    const res = await call(openapiRoute, { path: "/api/openapi.json" });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const documented = new Set(
      Object.entries(res.json.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${normalize(p)}`),
      ),
    );
    const files = routeFiles(API_DIR);
    expect(files.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const file of files) {
      const template = templateOf(file);
      if (EXCLUDED.some((re) => re.test(template))) continue;
      for (const method of methodsOf(file)) {
        if (!documented.has(`${method} ${normalize(template)}`)) missing.push(`${method} ${template}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("documents the error shape on every operation", async () => {
    const res = await call(openapiRoute, { path: "/api/openapi.json" });
    for (const ops of Object.values(res.json.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
      for (const op of Object.values(ops)) expect(Object.keys(op.responses)).toContain("500");
    }
    expect(res.json.components.schemas.Error.properties.error).toBeTruthy();
  });
});

describe("unknown API routes", () => {
  it("answer the contract's JSON 404, never an HTML page", async () => {
    for (const handler of [unknownRoute, unknownPost]) {
      const res = await call(handler, { path: "/api/nope", headers: { "x-request-id": "abc-123" } });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(res.json.error).toMatchObject({ code: "not_found", requestId: "abc-123" });
    }
  });
});
