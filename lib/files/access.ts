/**
 * THE access-control decision for stored files. Every route and page that touches a file goes
 * through `loadFileFor` (or `canRead`/`canManage` for rows it already has), so the rules live here
 * and nowhere else:
 * - nobody sees a deleted file;
 * - the owner and admins may read and manage a file in any other state;
 * - anyone, signed in or not, may read a ready public file;
 * - a signed-in user with an active grant (share or purchase) may read a ready private file.
 * A file the caller may not see answers 404 exactly like a missing one: ids never confirm existence.
 */
import { and, eq, isNull } from "drizzle-orm";
import { type Executor, getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import type { Actor, FileRow } from "./types";

/** What the caller wants to do with the file. */
export type FileNeed = "read" | "manage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type AclFile = Pick<FileRow, "id" | "ownerId" | "status" | "visibility">;

/**
 * The rule itself, pure: `hasGrant` says whether the caller holds an active grant on the file.
 * `canRead`, `canManage`, `loadFileFor` and the list query's post-filter all end up here.
 */
export function decideFileAccess(caller: Actor, file: AclFile, need: FileNeed, hasGrant: boolean): boolean {
  if (file.status === "deleted") return false;
  const manager = caller !== null && (caller.user.role === "admin" || caller.user.id === file.ownerId);
  if (manager) return true;
  if (need === "manage" || file.status !== "ready") return false;
  if (file.visibility === "public") return true;
  return caller !== null && hasGrant;
}

/** True when the user holds an active (not revoked) grant of any reason on the file. */
export async function hasActiveGrant(fileId: string, userId: string, db?: Executor): Promise<boolean> {
  const d = db ?? (await getDb());
  const g = schema.fileGrants;
  const rows = await d
    .select({ id: g.id })
    .from(g)
    .where(and(eq(g.fileId, fileId), eq(g.userId, userId), isNull(g.revokedAt)))
    .limit(1);
  return rows.length > 0;
}

/** May the caller (or an anonymous visitor, `null`) read the file? */
export async function canRead(caller: Actor, file: AclFile, db?: Executor): Promise<boolean> {
  if (decideFileAccess(caller, file, "read", false)) return true;
  if (!caller || file.status !== "ready" || file.visibility !== "private") return false;
  return decideFileAccess(caller, file, "read", await hasActiveGrant(file.id, caller.user.id, db));
}

/** May the caller change visibility, share, complete or delete the file? (owner or admin) */
export function canManage(caller: Actor, file: AclFile): boolean {
  return decideFileAccess(caller, file, "manage", false);
}

/**
 * Loads a file the caller may `need`, or throws 404, the same 404 for a missing id, a malformed id
 * and somebody else's file. `forUpdate` locks the row inside a transaction.
 */
export async function loadFileFor(
  caller: Actor,
  id: string,
  need: FileNeed,
  db?: Executor,
  opts: { forUpdate?: boolean } = {},
): Promise<FileRow> {
  if (!UUID.test(id)) throw errors.notFound("Arquivo");
  const d = db ?? (await getDb());
  const query = d.select().from(schema.files).where(eq(schema.files.id, id)).limit(1);
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row) throw errors.notFound("Arquivo");
  const allowed = need === "manage" ? canManage(caller, row) : await canRead(caller, row, d);
  if (!allowed) throw errors.notFound("Arquivo");
  return row;
}
