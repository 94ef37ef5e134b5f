"use client";

import Link from "next/link";
import { formatMoney } from "@/lib/money";
import { CartPlaceholder, MAX_QUANTITY, useCart } from "../_components/cart";
import { ButtonLink, Card } from "../_components/ui";

export function CartView() {
  const cart = useCart();
  if (!cart.ready || cart.items.length === 0) return <CartPlaceholder ready={cart.ready} />;
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_320px]">
      <ul className="divide-y divide-sand-200 rounded-2xl border border-sand-200 bg-white" aria-label="Itens do carrinho">
        {cart.items.map((item) => (
          <li key={item.productId} className="flex items-center gap-4 p-4" data-testid="cart-item">
            {item.image ? (
              // biome-ignore lint/performance/noImgElement: storage/CDN images
              <img src={item.image} alt="" className="h-20 w-20 rounded-lg bg-ocean-50 object-cover" />
            ) : null}
            <div className="flex-1">
              <Link href={`/products/${item.slug}`} className="font-semibold text-slate-900 hover:text-ocean-700">
                {item.name}
              </Link>
              <p className="text-sm text-slate-600">{formatMoney(item.priceCents)} cada</p>
            </div>
            {item.kind === "physical" ? (
              <label className="text-sm">
                <span className="sr-only">Quantidade de {item.name}</span>
                <input
                  type="number"
                  min={1}
                  max={MAX_QUANTITY}
                  value={item.quantity}
                  onChange={(e) => cart.setQuantity(item.productId, Number(e.target.value) || 1)}
                  className="w-20 rounded-lg border border-slate-300 px-2 py-1"
                />
              </label>
            ) : (
              <span className="text-sm text-slate-500">1 licença</span>
            )}
            <p className="w-28 text-right font-semibold">{formatMoney(item.priceCents * item.quantity)}</p>
            <button type="button" onClick={() => cart.remove(item.productId)} className="text-sm text-red-700 hover:underline" aria-label={`Remover ${item.name}`}>
              Remover
            </button>
          </li>
        ))}
      </ul>
      <Card className="h-fit space-y-4">
        <div className="flex justify-between text-lg">
          <span>Subtotal</span>
          <span className="font-bold" data-testid="cart-subtotal">
            {formatMoney(cart.subtotalCents)}
          </span>
        </div>
        <p className="text-xs text-slate-500">Os preços são confirmados no checkout. Frete calculado na próxima etapa.</p>
        <ButtonLink href="/checkout" className="w-full">
          Finalizar compra
        </ButtonLink>
      </Card>
    </div>
  );
}
