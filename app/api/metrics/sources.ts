/**
 * Scrape-time gauge providers register themselves when their module loads. The metrics route
 * imports this file so they are registered even before any request touched their domain.
 */
import "@/lib/payments/backlog";
