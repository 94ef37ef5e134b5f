import { config } from "@/lib/config";
import { seedCatalog } from "@/lib/catalog/seed";
import { closeDb } from "@/lib/db";
import { migratePostgres } from "@/lib/db/migrate";

/** `npm run db:seed`: loads the starter catalog (idempotent). */
async function main() {
  const url = config().database.url;
  if (url) await migratePostgres(url);
  const r = await seedCatalog();
  await closeDb();
  console.log(`Catalog: ${r.categories} categories, ${r.products} new products.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
