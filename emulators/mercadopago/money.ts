/**
 * Money helpers. Mercado Pago speaks decimal major units (`10.5` BRL); the emulator keeps every
 * amount as integer cents internally and converts only at the edges.
 */

/** Converts a decimal amount to integer cents, or `null` when it has more than 2 decimals. */
export function toCents(amount: number): number | null {
  if (typeof amount !== "number" || !Number.isFinite(amount)) return null;
  const cents = Math.round(amount * 100);
  if (Math.abs(amount * 100 - cents) > 1e-6) return null;
  return cents;
}

/** Converts integer cents back to the decimal number Mercado Pago would send. */
export function fromCents(cents: number): number {
  return Math.round(cents) / 100;
}

/** Formats cents as Brazilian reais, e.g. `R$ 1.234,50` (plain space, not NBSP). */
export function formatBrl(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const integer = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const decimals = (abs % 100).toString().padStart(2, "0");
  return `${negative ? "-" : ""}R$ ${integer},${decimals}`;
}
