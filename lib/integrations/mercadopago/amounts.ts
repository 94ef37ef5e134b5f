/** Mercado Pago speaks decimal amounts; we keep integer centavos and convert only at this boundary. */
export function centsToDecimal(cents: number): number {
  return Math.round(cents) / 100;
}

export function decimalToCents(amount: number | string | null | undefined): number {
  const n = typeof amount === "string" ? Number(amount) : (amount ?? 0);
  return Math.round(n * 100);
}
