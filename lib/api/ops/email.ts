import { z } from "zod";
import {
  EmailDetailSchema,
  EmailIdParams,
  EmailSummarySchema,
  ListEmailsQuery,
  SendTestEmailBody,
} from "@/lib/email/outbox/schemas";
import { defineOperation } from "@/lib/http/operation";
import { listOf } from "../schemas";

export const requestPasswordResetOp = defineOperation({
  id: "requestPasswordReset",
  method: "POST",
  path: "/api/password-resets",
  summary: "Ask for a password-reset email",
  description:
    "Always 202, whether or not the address has an account (no account enumeration). When it has one, an email with a single-use link valid for 1 hour is sent; at most 3 per account every 15 minutes.",
  tags: ["Accounts"],
  auth: "public",
  body: z.object({ email: z.string().trim().min(1, "Informe o e-mail.").max(254) }),
  responses: { 202: { description: "Accepted (an email is sent if the account exists)" } },
});

export const resetPasswordOp = defineOperation({
  id: "resetPassword",
  method: "POST",
  path: "/api/password-resets/{token}",
  summary: "Set a new password with the token from the reset email",
  description:
    "204 on success: the token is spent, every session and bearer token of the account stops working and the old password with them. 422 `invalid_reset_token` when the token is unknown, already used or expired; 422 `validation_failed` for a weak password (< 8 characters).",
  tags: ["Accounts"],
  auth: "public",
  params: z.object({ token: z.string().min(16).max(256) }),
  body: z.object({ password: z.string().min(8, "A senha precisa ter pelo menos 8 caracteres.").max(200) }),
  responses: { 204: { description: "Password changed" } },
  errors: [422],
});

export const listEmailsOp = defineOperation({
  id: "listEmails",
  method: "GET",
  path: "/api/emails",
  summary: "The email outbox, newest first (admin)",
  tags: ["Email"],
  auth: "admin",
  query: ListEmailsQuery,
  responses: { 200: { description: "OK", schema: listOf(EmailSummarySchema) } },
});

export const getEmailOp = defineOperation({
  id: "getEmail",
  method: "GET",
  path: "/api/emails/{id}",
  summary: "One outbox email with its tracking events and rendered preview (admin)",
  tags: ["Email"],
  auth: "admin",
  params: EmailIdParams,
  responses: { 200: { description: "OK", schema: EmailDetailSchema } },
  errors: [404],
});

export const sendTestEmailOp = defineOperation({
  id: "sendTestEmail",
  method: "POST",
  path: "/api/emails/test",
  summary: "Send any template, with its sample data, to an address (admin)",
  description: "Enqueued like every email; follow it at GET /api/emails/{id}.",
  tags: ["Email"],
  auth: "admin",
  body: SendTestEmailBody,
  responses: { 202: { description: "Enqueued", schema: z.object({ id: z.string(), status: z.literal("queued") }) } },
});

export const sendgridWebhookOp = defineOperation({
  id: "sendgridWebhook",
  method: "POST",
  path: "/api/webhooks/sendgrid",
  summary: "SendGrid Event Webhook (signed)",
  description:
    "ECDSA P-256 signature over `X-Twilio-Email-Event-Webhook-Timestamp` + raw body, in `X-Twilio-Email-Event-Webhook-Signature`, checked with SENDGRID_WEBHOOK_PUBLIC_KEY. 401 for a missing, forged or stale (> 5 min) signature, and nothing changes; 200 otherwise, also for a re-delivered batch. 503 while no key is configured. Events find their email through the custom arg `email_id`.",
  tags: ["Webhooks"],
  auth: "custom",
  responses: {
    200: {
      description: "Batch applied",
      schema: z.object({
        applied: z.number().int(),
        duplicates: z.number().int(),
        unmatched: z.number().int(),
        invalid: z.number().int(),
      }),
    },
  },
  errors: [400, 401, 413, 503],
});
