import { parseArgs } from "node:util";
import { upsertAdmin } from "@/lib/accounts/users";
import { config } from "@/lib/config";
import { closeDb } from "@/lib/db";
import { migratePostgres } from "@/lib/db/migrate";

/** `npm run db:create-admin -- --email E --password P [--name N]`: creates or promotes an admin. */
async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email || !values.password) {
    console.error("Usage: npm run db:create-admin -- --email admin@example.com --password 'at least 8 chars' [--name Name]");
    process.exit(2);
  }
  if (values.password.length < 8) {
    console.error("The password must have at least 8 characters.");
    process.exit(2);
  }
  const url = config().database.url;
  if (url) await migratePostgres(url);
  const user = await upsertAdmin({ name: values.name ?? "Admin OnlyWave", email: values.email, password: values.password });
  await closeDb();
  console.log(`Admin ready: ${user.email} (${user.id})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
