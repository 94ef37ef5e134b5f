import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { loadFileFor } from "./access";
import type { Actor, FileGrantDto } from "./types";

/** Most grants a file page shows; sharing is person-to-person, not a mailing list. */
const MAX_GRANTS = 200;

/**
 * Who besides the owner can read a file (owner or admin asking): active shares and purchases,
 * oldest first, with each person's email (what the owner typed to share) and user id (to unshare).
 * No names: an owner must not learn more about an account than the address they typed.
 */
export async function listFileGrants(caller: NonNullable<Actor>, id: string): Promise<FileGrantDto[]> {
  const file = await loadFileFor(caller, id, "manage");
  const db = await getDb();
  const g = schema.fileGrants;
  const u = schema.users;
  const rows = await db
    .select({ userId: g.userId, email: u.email, reason: g.reason, createdAt: g.createdAt })
    .from(g)
    .innerJoin(u, eq(u.id, g.userId))
    .where(and(eq(g.fileId, file.id), isNull(g.revokedAt)))
    .orderBy(asc(g.createdAt), asc(g.id))
    .limit(MAX_GRANTS);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
