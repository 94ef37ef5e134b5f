import { createElement } from "react";
import { adminAlertTemplate } from "./admin-alert";
import type { EmailTemplate } from "./define";
import { EmailPropsError, UnknownEmailTemplateError } from "./errors";
import { orderReceivedTemplate } from "./order-received";
import { passwordResetTemplate } from "./password-reset";
import { paymentApprovedTemplate } from "./payment-approved";
import { paymentPendingTemplate } from "./payment-pending";
import { paymentRejectedTemplate } from "./payment-rejected";
import { refundIssuedTemplate } from "./refund-issued";
import { renderParts } from "./render";
import { welcomeTemplate } from "./welcome";

export type { EmailTemplate } from "./define";
export { EmailPropsError, UnknownEmailTemplateError } from "./errors";
export { formatBRL } from "./format";

/**
 * Every email OnlyWave sends, by the name stored in the outbox.
 * Names are persisted: rename one only together with a data migration.
 */
export const templates = {
  welcome: welcomeTemplate,
  "password-reset": passwordResetTemplate,
  "order-received": orderReceivedTemplate,
  "payment-approved": paymentApprovedTemplate,
  "payment-pending": paymentPendingTemplate,
  "payment-rejected": paymentRejectedTemplate,
  "refund-issued": refundIssuedTemplate,
  "admin-alert": adminAlertTemplate,
} as const;

type Templates = typeof templates;

export type EmailTemplateName = keyof Templates;

/** Props a caller passes for template `N` (zod input type: optional fields may be omitted). */
export type EmailProps<N extends EmailTemplateName> = Templates[N]["sample"];

export const emailTemplateNames = Object.keys(templates) as EmailTemplateName[];

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(templates, name);
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Validates `props` against the template's schema, then renders subject, HTML and
 * plain text. Throws `EmailPropsError` on invalid props (a permanent failure for
 * the outbox) and `UnknownEmailTemplateError` for a name that is not registered.
 */
export async function renderEmail<N extends EmailTemplateName>(
  name: N,
  props: EmailProps<N>,
): Promise<RenderedEmail> {
  return renderEmailUnchecked(name, props);
}

/**
 * Same as `renderEmail` for values read back from storage (outbox rows), whose
 * template name and props are untyped until validated here.
 */
export async function renderEmailUnchecked(name: string, props: unknown): Promise<RenderedEmail> {
  if (!isEmailTemplateName(name)) throw new UnknownEmailTemplateError(name);
  // The registry is heterogeneous; the schema check below is what makes this cast safe.
  const template = templates[name] as unknown as EmailTemplate;
  const parsed = template.schema.safeParse(props);
  if (!parsed.success) throw new EmailPropsError(name, parsed.error.issues);
  const { html, text } = await renderParts(createElement(template.component, parsed.data as object));
  return { subject: template.subject(parsed.data), html, text };
}
