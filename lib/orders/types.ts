import { config } from "@/lib/config";
import type { schema } from "@/lib/db";

export type OrderRow = typeof schema.orders.$inferSelect;
export type OrderItemRow = typeof schema.orderItems.$inferSelect;
export type OrderStatus = OrderRow["status"];

export interface OrderView {
  id: string;
  userId: string;
  status: OrderStatus;
  items: { productId: string; name: string; kind: "physical" | "digital"; unitPriceCents: number; quantity: number }[];
  totalCents: number;
  currency: string;
  expiresAt: string;
  attention: string | null;
  paidAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toOrderView(order: OrderRow, items: OrderItemRow[]): OrderView {
  return {
    id: order.id,
    userId: order.userId,
    status: order.status,
    items: items.map((i) => ({ productId: i.productId, name: i.name, kind: i.kind, unitPriceCents: i.unitPriceCents, quantity: i.quantity })),
    totalCents: order.totalCents,
    currency: order.currency,
    expiresAt: order.expiresAt.toISOString(),
    attention: order.attention,
    paidAt: order.paidAt?.toISOString() ?? null,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

/** How long stock stays reserved for an unpaid order. */
export const ORDER_RESERVATION_MINUTES = config().orders.reservationMinutes;
