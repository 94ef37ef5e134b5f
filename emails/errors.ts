import type { z } from "zod";

/** The outbox row names a template this build does not have (renamed or removed). */
export class UnknownEmailTemplateError extends Error {
  readonly templateName: string;
  constructor(templateName: string) {
    super(`Unknown email template "${templateName}"`);
    this.name = "UnknownEmailTemplateError";
    this.templateName = templateName;
  }
}

/**
 * Props failed the template's zod schema. Permanent for the outbox: rendering the
 * same stored props again will fail the same way.
 */
export class EmailPropsError extends Error {
  readonly templateName: string;
  readonly issues: z.core.$ZodIssue[];
  constructor(templateName: string, issues: z.core.$ZodIssue[]) {
    const summary = issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    super(`Invalid props for email template "${templateName}": ${summary}`);
    this.name = "EmailPropsError";
    this.templateName = templateName;
    this.issues = issues;
  }
}
