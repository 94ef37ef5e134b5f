import { config } from "@/lib/config";
import { closeDb, getDb } from "@/lib/db";
import { migratePostgres } from "@/lib/db/migrate";

/** `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL (or the embedded PGlite). */
async function main() {
  const url = config().database.url;
  if (url) {
    await migratePostgres(url);
    console.log("Migrations applied to DATABASE_URL.");
  } else {
    await getDb(); // PGlite migrates on open
    await closeDb();
    console.log(`Migrations applied to embedded PGlite at ${config().database.pgliteDir}.`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
