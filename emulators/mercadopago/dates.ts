/**
 * Date helpers. Mercado Pago answers dates as ISO-8601 with milliseconds and an explicit offset
 * (its examples use `-04:00`, e.g. `2015-03-25T10:04:58.396-04:00`); the emulator does the same.
 */

const OFFSET_MINUTES = -4 * 60;

/** Formats a date the way the Mercado Pago API does (`-04:00` offset, milliseconds). */
export function mpDate(date: Date = new Date()): string {
  const shifted = new Date(date.getTime() + OFFSET_MINUTES * 60_000);
  return shifted.toISOString().replace("Z", "-04:00");
}

/** Parses an ISO-8601 date; returns `null` when it is not a valid date. */
export function parseDate(value: unknown): Date | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Parses the relative dates accepted by `GET /v1/payments/search` (`NOW`, `NOW-30DAYS`,
 * `NOW-3MONTHS`, `NOW-1HOURS`, ...) or an ISO-8601 date.
 */
export function parseSearchDate(value: string, now: Date = new Date()): Date | null {
  const relative = /^NOW(?:([-+])(\d+)(MINUTES?|HOURS?|DAYS?|MONTHS?|YEARS?))?$/i.exec(value.trim());
  if (!relative) return parseDate(value);
  const result = new Date(now.getTime());
  if (!relative[1]) return result;
  const amount = Number(relative[2]) * (relative[1] === "-" ? -1 : 1);
  const unit = relative[3].toUpperCase().replace(/S$/, "");
  if (unit === "MINUTE") result.setTime(result.getTime() + amount * 60_000);
  else if (unit === "HOUR") result.setTime(result.getTime() + amount * 3_600_000);
  else if (unit === "DAY") result.setTime(result.getTime() + amount * 86_400_000);
  else if (unit === "MONTH") result.setMonth(result.getMonth() + amount);
  else result.setFullYear(result.getFullYear() + amount);
  return result;
}
