import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { pageQuery } from "@/lib/http/pagination";
import { listOf } from "../schemas";

const OrderStatus = z.enum(["pending_payment", "paid", "partially_refunded", "refunded", "payment_failed", "cancelled", "expired"]);
const PaymentStatus = z.enum(["created", "pending", "in_process", "authorized", "approved", "rejected", "cancelled", "in_mediation", "refunded", "charged_back"]);

export const OrderSchema = z.object({
  id: z.string(),
  userId: z.string(),
  status: OrderStatus,
  items: z.array(z.object({ productId: z.string(), name: z.string(), kind: z.enum(["physical", "digital"]), unitPriceCents: z.number().int(), quantity: z.number().int() })),
  totalCents: z.number().int(),
  currency: z.string(),
  expiresAt: z.string(),
  attention: z.string().nullable(),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const PaymentSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  status: PaymentStatus,
  statusDetail: z.string().nullable(),
  mpPaymentId: z.string().nullable(),
  preferenceId: z.string().nullable(),
  initPoint: z.string().nullable(),
  expiresAt: z.string(),
  amountCents: z.number().int(),
  refundedCents: z.number().int(),
  currency: z.string(),
  paymentMethod: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const RefundSchema = z.object({
  id: z.string(),
  paymentId: z.string(),
  amountCents: z.number().int(),
  status: z.enum(["pending", "succeeded", "failed"]),
  mpRefundId: z.string().nullable(),
  createdAt: z.string(),
});

const idParam = z.object({ id: z.uuid() });

export const createOrderOp = defineOperation({
  id: "createOrder",
  method: "POST",
  path: "/api/orders",
  summary: "Create an order from cart lines; prices come from the database and stock is reserved",
  tags: ["Orders"],
  auth: "user",
  body: z.object({
    items: z
      .array(z.object({ productId: z.uuid(), quantity: z.number().int().min(1, "Quantidade mínima: 1.").max(99, "Quantidade máxima: 99.") }))
      .min(1, "O pedido precisa de pelo menos um item.")
      .max(50),
  }),
  responses: { 201: { description: "Created (status pending_payment)", schema: OrderSchema } },
});

export const listOrdersOp = defineOperation({
  id: "listOrders",
  method: "GET",
  path: "/api/orders",
  summary: "The caller's orders, newest first (admin: all)",
  tags: ["Orders"],
  auth: "user",
  query: pageQuery.extend({ status: OrderStatus.optional() }),
  responses: { 200: { description: "OK", schema: listOf(OrderSchema) } },
});

export const getOrderOp = defineOperation({
  id: "getOrder",
  method: "GET",
  path: "/api/orders/{id}",
  summary: "One order (owner or admin)",
  tags: ["Orders"],
  auth: "user",
  params: idParam,
  responses: { 200: { description: "OK", schema: OrderSchema } },
  errors: [404],
});

export const cancelOrderOp = defineOperation({
  id: "cancelOrder",
  method: "POST",
  path: "/api/orders/{id}/cancel",
  summary: "Cancel an unpaid order (owner or admin); its stock reservation is released",
  description:
    "Only orders in pending_payment with no approved payment can be cancelled; anything else is a 409. Cancelling an already cancelled order is also a 409.",
  tags: ["Orders"],
  auth: "user",
  params: idParam,
  responses: { 200: { description: "Cancelled (status cancelled)", schema: OrderSchema } },
  errors: [404, 409],
});

export const createPaymentOp = defineOperation({
  id: "createPayment",
  method: "POST",
  path: "/api/payments",
  summary: "Start paying an order with Mercado Pago Checkout Pro; answers the init point",
  description: "Repeating it while the order's preference is still valid answers the same payment with 200.",
  tags: ["Payments"],
  auth: "user",
  body: z.object({ orderId: z.uuid() }),
  responses: {
    201: { description: "Preference created", schema: PaymentSchema },
    200: { description: "The still-valid payment for this order", schema: PaymentSchema },
  },
  errors: [404, 409, 502],
});

export const listPaymentsOp = defineOperation({
  id: "listPayments",
  method: "GET",
  path: "/api/payments",
  summary: "The caller's payments (admin: all, with filters)",
  tags: ["Payments"],
  auth: "user",
  query: pageQuery.extend({
    status: PaymentStatus.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    q: z.string().trim().max(200).optional().describe("Buyer email or order id (admin)"),
  }),
  responses: {
    200: { description: "OK", schema: listOf(PaymentSchema.extend({ buyerEmail: z.string(), buyerName: z.string() })) },
  },
});

export const getPaymentOp = defineOperation({
  id: "getPayment",
  method: "GET",
  path: "/api/payments/{id}",
  summary: "One payment (owner or admin)",
  tags: ["Payments"],
  auth: "user",
  params: idParam,
  responses: { 200: { description: "OK", schema: PaymentSchema } },
  errors: [404],
});

export const createRefundOp = defineOperation({
  id: "createRefund",
  method: "POST",
  path: "/api/payments/{id}/refunds",
  summary: "Refund part or all of a payment (admin); honours Idempotency-Key",
  tags: ["Payments"],
  auth: "admin",
  params: idParam,
  body: z.object({ amountCents: z.number().int().min(1).optional() }),
  responses: {
    201: { description: "Refund made", schema: RefundSchema },
    200: { description: "Same Idempotency-Key: the refund already made", schema: RefundSchema },
  },
  errors: [404, 409, 502],
});

export const mercadoPagoWebhookOp = defineOperation({
  id: "mercadoPagoWebhook",
  method: "POST",
  path: "/api/webhooks/mercadopago",
  summary: "Mercado Pago notifications (webhooks signed with x-signature; legacy IPN topic/id)",
  description:
    "Verified (HMAC-SHA256 manifest, 5-minute window), recorded once and acknowledged; processing is asynchronous and fetches the payment from Mercado Pago.",
  tags: ["Webhooks"],
  auth: "custom",
  responses: { 200: { description: "Acknowledged (also for duplicates)", schema: z.object({ received: z.boolean(), duplicate: z.boolean() }) } },
  errors: [400, 401, 413, 429, 503],
});
