import { z } from "zod";
import { errors } from "./errors";

/** `?limit=` 1..100 (default 20) and an opaque `?cursor=`, as the contract fixes for every list. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === arity) return parsed;
  } catch {
    // fall through
  }
  throw errors.validation([{ path: "query.cursor", message: "Cursor inválido." }]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type KeyKind = "date" | "uuid" | "string";
type KeyValue<K extends KeyKind> = K extends "date" ? Date : string;

/**
 * A keyset cursor decoded and type-checked, so a forged cursor is a 422 and never reaches SQL as a
 * bad date or uuid (which would be a 500).
 */
export function decodeKeyset<const K extends readonly KeyKind[]>(
  cursor: string | undefined,
  kinds: K,
): { [I in keyof K]: KeyValue<K[I]> } | undefined {
  const raw = decodeCursor(cursor, kinds.length);
  if (!raw) return undefined;
  const bad = () => errors.validation([{ path: "query.cursor", message: "Cursor inválido." }]);
  return raw.map((v, i) => {
    const kind = kinds[i];
    if (typeof v !== "string") throw bad();
    if (kind === "date") {
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) throw bad();
      return d;
    }
    if (kind === "uuid" && !UUID.test(v)) throw bad();
    return v;
  }) as { [I in keyof K]: KeyValue<K[I]> };
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Given `limit + 1` rows, cuts the extra one and derives the next cursor from the last kept row. */
export function toPage<R, T>(rows: R[], limit: number, map: (r: R) => T, cursorOf: (r: R) => (string | number)[]): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { data: kept.map(map), nextCursor: more ? encodeCursor(cursorOf(kept[kept.length - 1]!)) : null };
}
