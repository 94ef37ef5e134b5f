/**
 * Scrape-time gauge providers. The metrics route imports this file so every scrape reads them from
 * the database, whether or not this process runs the background workers (ONLYWAVE_JOBS=off, a dead
 * worker): the stale-backlog alerts depend on it.
 */
import { registerOutboxGauges } from "@/lib/email/outbox/metrics";
import "@/lib/payments/backlog"; // registers `webhook_backlog` when it loads

registerOutboxGauges();
