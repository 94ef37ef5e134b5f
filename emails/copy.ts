/** Opening line shared by customer emails; order emails may not know the buyer's name. */
export function greeting(name?: string): string {
  return name ? `Olá, ${name}!` : "Olá!";
}

/** "1 minuto" / "30 minutos"; pt-BR plural is singular only for exactly 1. */
export function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "60 minutos" → "1 hora", "90 minutos" stays "90 minutos": reads naturally in reset emails. */
export function formatMinutes(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return plural(minutes / 60, "hora", "horas");
  return plural(minutes, "minuto", "minutos");
}
