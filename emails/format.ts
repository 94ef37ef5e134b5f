const brl = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });

/**
 * Formats integer centavos as Brazilian reais, e.g. 123456 → "R$ 1.234,56".
 *
 * Intl puts a no-break space (U+00A0) after "R$"; we return a plain space so the
 * HTML, the plain-text part and any test or log grep see the same string. The HTML
 * side keeps amounts on one line with `white-space: nowrap` instead (see Money).
 */
export function formatBRL(cents: number): string {
  if (!Number.isInteger(cents)) {
    throw new TypeError(`formatBRL expects integer centavos, got ${cents}`);
  }
  return brl.format(cents / 100).replace(/\u00a0/g, " ");
}
