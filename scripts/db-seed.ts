import path from "node:path";
import { config } from "@/lib/config";
import { seedCatalog } from "@/lib/catalog/seed";
import { closeDb } from "@/lib/db";
import { migratePostgres } from "@/lib/db/migrate";
import { checkSeedAdmin, ensureSeedAdmin } from "./lib/prepare";

/**
 * `npm run db:seed`: loads the starter catalog and makes sure an admin exists (both idempotent).
 * The admin comes from ADMIN_EMAIL/ADMIN_PASSWORD, or is generated and printed once.
 */
async function main() {
  const cfg = config();
  checkSeedAdmin(cfg.seedAdmin);
  if (cfg.database.url) await migratePostgres(cfg.database.url);
  const r = await seedCatalog();
  // The generated login is kept beside the embedded database (.data/ by default), as `npm run dev` does.
  const dataDir = path.dirname(path.resolve(cfg.database.pgliteDir));
  const admin = await ensureSeedAdmin({ ...cfg.seedAdmin, dataDir });
  await closeDb();
  console.log(`Catalog: ${r.categories} categories, ${r.products} new products.`);
  if (admin.status === "created") {
    console.log(`Admin created: ${admin.login.email}  password: ${admin.login.password}  (kept in ${path.join(dataDir, "dev-admin.json")})`);
  } else if (admin.status === "configured") {
    console.log(`Admin ready: ${admin.email} (from ADMIN_EMAIL/ADMIN_PASSWORD)`);
  } else {
    console.log(`Admin: ${admin.email} already exists, left unchanged.`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
