import type { ReactElement } from "react";
import type { z } from "zod";

/**
 * Everything the registry needs to know about one email.
 *
 * `schema` is the single source of the props type: the outbox stores props as JSON
 * and `renderEmail` re-validates them before rendering, so a template never sees
 * data it was not written for.
 */
export interface EmailTemplate<S extends z.ZodType = z.ZodType> {
  /** One line for the preview index and the admin pages. */
  description: string;
  schema: S;
  component: (props: z.output<S>) => ReactElement;
  /** pt-BR subject line, computed from the same validated props. */
  subject: (props: z.output<S>) => string;
  /** Realistic props used by the preview script, tests and react-email's PreviewProps. */
  sample: z.input<S>;
}

/** Identity helper that ties schema, component, subject and sample to one props type. */
export function defineTemplate<S extends z.ZodType>(template: EmailTemplate<S>): EmailTemplate<S> {
  return template;
}
