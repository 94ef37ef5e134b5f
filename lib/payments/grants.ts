import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import type { OrderItemRow, OrderRow } from "@/lib/orders/types";

/**
 * Buying a digital product grants its buyer read access to the product's download file; a full
 * refund revokes it. The ACL itself lives in lib/files; this maps an order onto it.
 * Returns productId → download page URL for the approval email.
 */
export async function grantPurchasedFiles(tx: Tx, order: OrderRow, items: OrderItemRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const { grantFileAccess } = await import("@/lib/files/grant-file-access");
  for (const item of items) {
    if (item.kind !== "digital" || !item.downloadFileId) continue;
    await grantFileAccess({ fileId: item.downloadFileId, userId: order.userId, reason: "purchase", source: order.id }, tx);
    out.set(item.productId, `${config().appUrl}/files/${item.downloadFileId}`);
  }
  return out;
}

export async function revokePurchasedFiles(tx: Tx, order: OrderRow, items: OrderItemRow[]): Promise<void> {
  const { revokeFileAccess } = await import("@/lib/files/grant-file-access");
  for (const item of items) {
    if (item.kind !== "digital" || !item.downloadFileId) continue;
    await revokeFileAccess({ fileId: item.downloadFileId, userId: order.userId, reason: "purchase", source: order.id }, tx);
  }
}
