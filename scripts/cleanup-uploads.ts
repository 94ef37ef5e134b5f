import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db";
import { cleanupPendingUploads } from "@/lib/files/cleanup-pending-uploads";

/**
 * `npx tsx scripts/cleanup-uploads.ts [--older-than-minutes N] [--limit N]`: retires uploads that
 * were started but never completed and removes whatever bytes they left in storage. The app runs
 * the same job periodically; this is for cron jobs and operators. Prints one JSON line.
 */
async function main() {
  const { values } = parseArgs({
    options: { "older-than-minutes": { type: "string" }, limit: { type: "string" } },
  });
  const minutes = values["older-than-minutes"] === undefined ? undefined : Number(values["older-than-minutes"]);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if ((minutes !== undefined && !(minutes >= 0)) || (limit !== undefined && !(Number.isInteger(limit) && limit > 0))) {
    console.error("Usage: tsx scripts/cleanup-uploads.ts [--older-than-minutes N>=0] [--limit N>0]");
    process.exit(2);
  }
  try {
    const result = await cleanupPendingUploads({
      ...(minutes !== undefined ? { olderThanMs: minutes * 60_000 } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    console.log(JSON.stringify({ removed: result.removed.length, failed: result.failed.length, ids: result.removed }));
    if (result.failed.length > 0) process.exitCode = 1;
  } finally {
    await closeDb();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
