import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";

/**
 * html-to-text tweak on top of react-email's defaults: keep headings in their
 * written case (html-to-text upper-cases h1/h2 by default).
 */
const textSelectors = [
  { selector: "h1", options: { uppercase: false } },
  { selector: "h2", options: { uppercase: false } },
];

/**
 * Renders an element to the HTML and plain-text parts of one email.
 *
 * The text part is derived from the same HTML (react-email's converter) so the two
 * can never drift apart; elements marked `data-skip-in-text` (preview line, button
 * fallback link, decorations) are left out of it.
 */
export async function renderParts(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  const text = toPlainText(html, { selectors: textSelectors })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { html, text: `${text}\n` };
}
