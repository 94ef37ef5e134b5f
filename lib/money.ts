const brl = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });

/** Integer centavos → "R$ 1.234,56". Money is never a float anywhere else. */
export function formatMoney(cents: number, currency = "BRL"): string {
  if (currency === "BRL") return brl.format(cents / 100);
  return new Intl.NumberFormat("pt-BR", { style: "currency", currency }).format(cents / 100);
}
