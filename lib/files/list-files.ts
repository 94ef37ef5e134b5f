import { and, desc, eq, exists, isNull, lt, ne, or, type SQL } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { decodeCursor, type Page, toPage } from "@/lib/http/pagination";
import { decideFileAccess } from "./access";
import { toFileDto } from "./dto";
import type { Actor, FileDto } from "./types";

/**
 * Which files to list: `owned` (the caller's uploads), `shared` (ready files others shared with or
 * sold to the caller) or `all` (admins only). The default is `all` for admins and `owned` for
 * everyone else, as the contract says ("own files; admin: all").
 */
export type FileListScope = "owned" | "shared" | "all";

/** Query of `listFiles`. */
export interface ListFilesQuery {
  limit: number;
  cursor?: string | undefined;
  scope?: FileListScope | undefined;
}

const { files, fileGrants } = schema;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Newest first, cursor-paginated list of files the caller may see in the chosen scope. */
export async function listFiles(caller: NonNullable<Actor>, query: ListFilesQuery): Promise<Page<FileDto>> {
  const admin = caller.user.role === "admin";
  const scope = query.scope ?? (admin ? "all" : "owned");
  if (scope === "all" && !admin) throw errors.forbidden("Só a equipe da loja vê todos os arquivos.");

  const db = await getDb();
  const conditions: SQL[] = [ne(files.status, "deleted")];
  if (scope === "owned") conditions.push(eq(files.ownerId, caller.user.id));
  if (scope === "shared") {
    conditions.push(eq(files.status, "ready"), ne(files.ownerId, caller.user.id));
    conditions.push(
      exists(
        db
          .select({ one: fileGrants.id })
          .from(fileGrants)
          .where(and(eq(fileGrants.fileId, files.id), eq(fileGrants.userId, caller.user.id), isNull(fileGrants.revokedAt))),
      ),
    );
  }
  const after = decodeCursor(query.cursor, 2);
  if (after) {
    const [at, id] = [new Date(String(after[0])), String(after[1])];
    if (Number.isNaN(at.getTime()) || !UUID.test(id)) throw errors.validation([{ path: "query.cursor", message: "Cursor inválido." }]);
    conditions.push(or(lt(files.createdAt, at), and(eq(files.createdAt, at), lt(files.id, id)))!);
  }
  const rows = await db
    .select()
    .from(files)
    .where(and(...conditions))
    .orderBy(desc(files.createdAt), desc(files.id))
    .limit(query.limit + 1);

  // The SQL above selects by the same rule; the ACL function still has the last word on each row.
  const visible = rows.filter((r) => decideFileAccess(caller, r, "read", scope === "shared"));
  const now = new Date();
  const page = toPage(visible, query.limit, (r) => r, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: await Promise.all(page.data.map((r) => toFileDto(r, caller, now))), nextCursor: page.nextCursor };
}
