import { z } from "zod";
import { emailTemplateNames } from "@/emails";
import { pageQuery } from "@/lib/http/pagination";
import { API_EMAIL_STATUSES } from "./status";

/** API shapes of the outbox: validate requests, check answers in tests, feed OpenAPI. */

export const EmailStatusSchema = z.enum(API_EMAIL_STATUSES);
export const EmailTemplateSchema = z.enum(emailTemplateNames as [string, ...string[]]);

export const EmailSummarySchema = z.object({
  id: z.string(),
  to: z.string(),
  template: z.string(),
  category: z.enum(["transactional", "marketing"]),
  status: EmailStatusSchema,
  outboxStatus: z
    .enum(["queued", "sending", "sent", "delivered", "opened", "clicked", "bounced", "failed", "suppressed"])
    .describe("Finer status for the admin: `sending` (claimed by a worker) and `suppressed` (marketing mail to a bounced address) read as queued / failed in `status`"),
  subject: z.string().nullable().describe("Null until the worker rendered it"),
  provider: z.enum(["sendgrid", "smtp"]).nullable().describe("Who accepted it; null until sent"),
  providerMessageId: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable().describe("When a queued email is tried next"),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});

export const EmailEventSchema = z.object({
  id: z.string(),
  event: z.string().describe("sent, attempt_failed, failed, suppressed, or SendGrid's processed, delivered, open, click, bounce, dropped, spamreport..."),
  occurredAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const EmailDetailSchema = EmailSummarySchema.extend({
  dedupeKey: z.string().nullable(),
  events: z.array(EmailEventSchema).describe("Oldest first"),
  preview: z
    .object({ subject: z.string(), html: z.string(), text: z.string() })
    .nullable()
    .describe("The email as the recipient sees it (secrets such as reset links are masked); null if it cannot be rendered"),
});

export const ListEmailsQuery = pageQuery.extend({
  status: EmailStatusSchema.optional(),
  template: z.string().trim().max(64).optional(),
  recipient: z.string().trim().max(254).optional().describe("Part of the recipient address, case-insensitive"),
});

export const EmailIdParams = z.object({ id: z.string().min(1).max(64) });

export const SendTestEmailBody = z.object({
  to: z.string().trim().pipe(z.email("E-mail inválido.").max(254)),
  template: EmailTemplateSchema,
});

export type EmailSummary = z.infer<typeof EmailSummarySchema>;
export type EmailDetail = z.infer<typeof EmailDetailSchema>;
export type ListEmailsInput = z.infer<typeof ListEmailsQuery>;
