import type { Operation } from "@/lib/http/operation";
import { allOperations } from "./ops";

interface RouteEntry {
  /** Path segments; null is a dynamic one ({id}, {slug}...). */
  segments: (string | null)[];
  methods: Set<string>;
}

/**
 * The registry's operations grouped the way Next groups route files: /api/products/{slug} (GET) and
 * /api/products/{id} (PATCH) are one file, app/api/products/[slug]/route.ts.
 */
export function routeTable(ops: Pick<Operation, "method" | "path">[]): RouteEntry[] {
  const byShape = new Map<string, RouteEntry>();
  for (const op of ops) {
    const segments = op.path.split("/").filter(Boolean).map((s) => (s.startsWith("{") ? null : s));
    const shape = segments.map((s) => s ?? "*").join("/");
    const entry = byShape.get(shape) ?? { segments, methods: new Set<string>() };
    entry.methods.add(op.method);
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

const TABLE = routeTable(allOperations);

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
