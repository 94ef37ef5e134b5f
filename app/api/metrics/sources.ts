/**
 * Scrape-time gauge providers register themselves when their module loads. The metrics route
 * imports this file so they are registered even before any request touched their domain.
 * Add one side-effect import per provider, e.g.:
 *
 *   import "@/lib/payments/webhook-backlog-metrics"; // registerGaugeProvider("webhook_backlog", ...)
 *   import "@/lib/email/outbox/metrics";             // registerGaugeProvider("email_outbox", ...)
 */
export {};
