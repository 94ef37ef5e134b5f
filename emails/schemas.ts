import { z } from "zod";

/** Integer centavos, never floats: all money in OnlyWave is stored and passed this way. */
export const centsSchema = z.number().int().nonnegative();

/**
 * Only http(s) links may reach a template: props come from the database/outbox,
 * and an `href` with `javascript:` or `data:` would land in the customer's inbox.
 */
export const httpUrlSchema = z.url({ protocol: /^https?$/ });

export const personNameSchema = z.string().trim().min(1).max(120);

export const orderIdSchema = z.string().trim().min(1).max(64);

export const orderItemSchema = z.object({
  name: z.string().trim().min(1).max(200),
  quantity: z.number().int().positive(),
  unitPriceCents: centsSchema,
});

export type OrderItem = z.infer<typeof orderItemSchema>;

/** A paid line item; digital goods carry their own download link. */
export const paidItemSchema = orderItemSchema.extend({
  downloadUrl: httpUrlSchema.optional(),
});

export type PaidItem = z.infer<typeof paidItemSchema>;
