import type { HttpMethod } from "@/lib/http/operation";

/**
 * Every API path template and the methods its operations serve: the proxy's copy of the operation
 * registry (lib/api/ops). The proxy cannot import the registry itself, which pulls the email
 * templates (React) into the proxy bundle; allowed-methods.test.ts fails as soon as the two differ,
 * so a new operation is added here in the same change.
 */
export const API_METHODS: Record<string, readonly HttpMethod[]> = {
  "/api/emails": ["GET"],
  "/api/emails/{id}": ["GET"],
  "/api/emails/test": ["POST"],
  "/api/files": ["GET"],
  "/api/files/{id}": ["DELETE", "GET", "PATCH"],
  "/api/files/{id}/download": ["GET"],
  "/api/files/{id}/grants": ["GET", "POST"],
  "/api/files/{id}/grants/{userId}": ["DELETE"],
  "/api/health": ["GET"],
  "/api/health/ready": ["GET"],
  "/api/me": ["GET"],
  "/api/metrics": ["GET"],
  "/api/openapi.json": ["GET"],
  "/api/orders": ["GET", "POST"],
  "/api/orders/{id}": ["GET"],
  "/api/orders/{id}/cancel": ["POST"],
  "/api/password-resets": ["POST"],
  "/api/password-resets/{token}": ["POST"],
  "/api/payments": ["GET", "POST"],
  "/api/payments/{id}": ["GET"],
  "/api/payments/{id}/refunds": ["POST"],
  "/api/products": ["GET", "POST"],
  "/api/products/{id}": ["PATCH"],
  "/api/products/{slug}": ["GET"],
  "/api/tokens": ["POST"],
  "/api/tokens/current": ["DELETE"],
  "/api/uploads": ["POST"],
  "/api/uploads/{fileId}/complete": ["POST"],
  "/api/users": ["POST"],
  "/api/webhooks/mercadopago": ["POST"],
  "/api/webhooks/sendgrid": ["POST"],
};

interface RouteEntry {
  /** Path segments; null is a dynamic one ({id}, {slug}...). */
  segments: (string | null)[];
  methods: Set<string>;
}

/**
 * Path templates grouped the way Next groups route files: /api/products/{slug} (GET) and
 * /api/products/{id} (PATCH) are one file, app/api/products/[slug]/route.ts.
 */
export function routeTable(methods: Record<string, readonly string[]>): RouteEntry[] {
  const byShape = new Map<string, RouteEntry>();
  for (const [path, list] of Object.entries(methods)) {
    const segments = path.split("/").filter(Boolean).map((s) => (s.startsWith("{") ? null : s));
    const shape = segments.map((s) => s ?? "*").join("/");
    const entry = byShape.get(shape) ?? { segments, methods: new Set<string>() };
    for (const m of list) entry.methods.add(m);
    byShape.set(shape, entry);
  }
  return [...byShape.values()];
}

/** Like Next: at each segment a static name wins over a dynamic one. */
function moreSpecific(a: RouteEntry, b: RouteEntry): boolean {
  for (let i = 0; i < a.segments.length; i++) {
    if ((a.segments[i] === null) !== (b.segments[i] === null)) return a.segments[i] !== null;
  }
  return false;
}

const TABLE = routeTable(API_METHODS);

/**
 * The methods the route file serving `pathname` answers (with the HEAD and OPTIONS Next adds), or
 * undefined when no operation serves it (unknown paths fall to the catch-all 404).
 */
export function allowedMethods(pathname: string, table: RouteEntry[] = TABLE): string[] | undefined {
  const parts = pathname.split("/").filter(Boolean);
  let best: RouteEntry | undefined;
  for (const entry of table) {
    if (entry.segments.length !== parts.length) continue;
    if (!entry.segments.every((s, i) => s === null || s === parts[i])) continue;
    if (!best || moreSpecific(entry, best)) best = entry;
  }
  if (!best) return undefined;
  const methods = [...best.methods];
  if (best.methods.has("GET")) methods.push("HEAD");
  methods.push("OPTIONS");
  return methods.sort();
}
