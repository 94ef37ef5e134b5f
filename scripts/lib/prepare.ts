import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { upsertAdmin } from "@/lib/accounts/users";
import { isCatalogEmpty, seedCatalog } from "@/lib/catalog/seed";
import { seedDigitalDownloads } from "@/lib/catalog/seed-downloads";
import { config } from "@/lib/config";
import { closeDb } from "@/lib/db";
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
