import { formatBRL } from "../format";

/** An amount that never wraps between "R$" and the digits. */
export function Money({ cents }: { cents: number }) {
  return <span style={{ whiteSpace: "nowrap" }}>{formatBRL(cents)}</span>;
}
