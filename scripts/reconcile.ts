import { closeDb } from "@/lib/db";
import { reconcileOrders } from "@/lib/payments/reconcile";
import { processNotifications } from "@/lib/payments/process-notifications";

/** `npm run reconcile`: process due webhook notifications, ask Mercado Pago about pending orders, expire stale ones. */
async function main() {
  const processed = await processNotifications();
  const minutes = Number(process.argv[2] ?? process.env.RECONCILE_AFTER_MINUTES ?? 10);
  const r = await reconcileOrders({ olderThanMinutes: minutes });
  await closeDb();
  console.log(`notifications processed: ${processed}; orders checked: ${r.checked}; expired: ${r.expired}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
