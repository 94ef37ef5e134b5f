import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { eq } from "drizzle-orm";
import { upsertAdmin } from "@/lib/accounts/users";
import { isCatalogEmpty, seedCatalog } from "@/lib/catalog/seed";
import { seedDigitalDownloads } from "@/lib/catalog/seed-downloads";
import { config } from "@/lib/config";
import { closeDb, getDb, schema } from "@/lib/db";
import { migratePostgres } from "@/lib/db/migrate";

export interface AdminLogin {
  email: string;
  password: string;
}

/** Development admin: generated once, kept under .data/ so the printed login stays the same. */
export function devAdminLogin(dataDir: string): AdminLogin {
  const file = path.join(dataDir, "dev-admin.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as AdminLogin;
  const login = { email: "admin@onlywave.local", password: `onda-${randomBytes(6).toString("base64url")}` };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(login, null, 2));
  return login;
}

/** Throws on a half-configured admin, before anything touches the database. */
export function checkSeedAdmin(opts: { email?: string; password?: string }): void {
  if (Boolean(opts.email) !== Boolean(opts.password)) throw new Error("Set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither.");
  if (opts.password && opts.password.length < 8) throw new Error("ADMIN_PASSWORD must have at least 8 characters.");
}

export type SeedAdminResult =
  | { status: "configured"; email: string }
  | { status: "existing"; email: string }
  | { status: "created"; login: AdminLogin };

/**
 * The admin `npm run db:seed` makes sure of, idempotently. With ADMIN_EMAIL and ADMIN_PASSWORD:
 * that account, created or promoted. Without them: an existing admin is left alone; on a database
 * with none, the development admin (the login `npm run dev` prints, kept under `dataDir`) is
 * created and returned so its password is printed once.
 */
export async function ensureSeedAdmin(opts: { email?: string; password?: string; dataDir: string }): Promise<SeedAdminResult> {
  checkSeedAdmin(opts);
  if (opts.email && opts.password) {
    const user = await upsertAdmin({ name: "Admin OnlyWave", email: opts.email, password: opts.password });
    return { status: "configured", email: user.email };
  }
  const db = await getDb();
  const [existing] = await db
    .select({ email: schema.users.email })
    .from(schema.users)
    .where(eq(schema.users.role, "admin"))
    .orderBy(schema.users.createdAt)
    .limit(1);
  if (existing) return { status: "existing", email: existing.email };
  const login = devAdminLogin(opts.dataDir);
  await upsertAdmin({ name: "Admin OnlyWave", email: login.email, password: login.password });
  return { status: "created", login };
}

/**
 * Migrates, seeds an empty catalog (with sample downloads for digital products when storage is
 * configured) and makes sure the admin can sign in. Closes the database
 * afterwards: embedded PGlite allows one process at a time, and the app opens it next.
 */
export async function prepareDatabase(admin: AdminLogin): Promise<{ seeded: boolean }> {
  const url = config().database.url;
  if (url) await migratePostgres(url);
  let seeded = false;
  if (await isCatalogEmpty()) {
    await seedCatalog();
    seeded = true;
  }
  const adminUser = await upsertAdmin({ name: "Admin OnlyWave", email: admin.email, password: admin.password });
  // Sample PDFs for the digital products, so buying a guide really grants a download.
  await seedDigitalDownloads(adminUser.id);
  await closeDb();
  return { seeded };
}
