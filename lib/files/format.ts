/** Human sizes and dates for the file pages (pt-BR), safe to use in client components. */

const number = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 1 });

/** `20971520` → `20 MB`, `1536` → `1,5 KB`. Binary units, like the upload limits. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${number.format(value)} ${units[unit]}`;
}

const dateTime = new Intl.DateTimeFormat("pt-BR", { dateStyle: "short", timeStyle: "short", timeZone: "America/Sao_Paulo" });

/** An ISO timestamp as Brazilians read it, in São Paulo time. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
