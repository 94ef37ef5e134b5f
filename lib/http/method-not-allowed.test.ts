import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allOperations } from "@/lib/api/ops";
import { isNotAllowedHandler, ROUTE_METHODS } from "./method-not-allowed";

const apiDir = path.resolve(import.meta.dirname, "../../app/api");

/** Every API route file but the catch-all 404 and next-auth's own, with its path shape (`/api/files/*`). */
const routeFiles = (readdirSync(apiDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith("route.ts") && !f.includes("[..."))
  .map((file) => ({
    file,
    shape: `/api/${path.dirname(file)}`.replace(/\/\.$/, "").replace(/\[[^\]]+\]/g, "*"),
  }));

/** The methods the operation registry (hence OpenAPI) gives each path shape. */
function registryMethods(): Map<string, string[]> {
  const byShape = new Map<string, string[]>();
  for (const op of allOperations) {
    const shape = op.path.replace(/\{[^}]+\}/g, "*");
    byShape.set(shape, [...(byShape.get(shape) ?? []), op.method].sort());
  }
  return byShape;
}

describe("methods an API route does not serve", () => {
  it("every route file answers every method: the operations it documents, and 405 for the rest", async () => {
    const registry = registryMethods();
    expect(routeFiles.length).toBe(registry.size);
    for (const { file, shape } of routeFiles) {
      const mod = (await import(path.join(apiDir, file))) as Record<string, unknown>;
      const served = ROUTE_METHODS.filter((m) => !isNotAllowedHandler(mod[m]));
      for (const m of ROUTE_METHODS) expect(typeof mod[m], `${m} ${file}`).toBe("function");
      expect([...served].sort(), file).toEqual(registry.get(shape));
    }
  });

  it.each([
    ["PUT", "users", "OPTIONS, POST"],
    ["DELETE", "products/[slug]", "GET, HEAD, OPTIONS, PATCH"],
    ["POST", "health", "GET, HEAD, OPTIONS"],
    ["GET", "emails/test", "OPTIONS, POST"],
    ["PATCH", "files/[id]/grants/[userId]", "DELETE, OPTIONS"],
  ])("%s /api/%s answers 405 in the contract's error shape with Allow: %s", async (method, dir, allow) => {
    const mod = (await import(path.join(apiDir, dir, "route.ts"))) as Record<string, (req: Request) => Response>;
    const res = mod[method]!(new Request(`http://localhost:3000/api/${dir}`, { method, headers: { "x-request-id": "mobile-123" } }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe(allow);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-request-id")).toBe("mobile-123");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "method_not_allowed", requestId: "mobile-123" });
    expect(body.error.message).toContain(method);
  });

  it("generates a request id when the caller sends none", async () => {
    const mod = (await import(path.join(apiDir, "users/route.ts"))) as Record<string, (req: Request) => Response>;
    const res = mod.DELETE!(new Request("http://localhost:3000/api/users", { method: "DELETE" }));
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
