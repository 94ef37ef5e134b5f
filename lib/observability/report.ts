import { logger } from "./logger";

/**
 * Reports an unexpected error: logged with its context; the monitoring layer adds Sentry here.
 */
export function reportError(err: unknown, context: Record<string, unknown> = {}): void {
  logger().error({ err, ...context }, err instanceof Error ? err.message : "unexpected error");
}
