"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatMoney } from "@/lib/money";
import { useCart } from "../_components/cart";
import { Button, ButtonLink, Card } from "../_components/ui";

export function ConfirmOrder() {
  const cart = useCart();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  if (!cart.ready) return <p className="text-slate-500">Carregando...</p>;
  if (cart.items.length === 0) {
    return (
      <Card className="text-center">
        <p className="text-slate-600">Seu carrinho está vazio.</p>
        <ButtonLink href="/products" className="mt-4">
          Explorar o catálogo
        </ButtonLink>
      </Card>
    );
  }
  return (
    <Card className="space-y-6">
      <ul className="divide-y divide-sand-200">
        {cart.items.map((i) => (
          <li key={i.productId} className="flex justify-between py-3">
            <span>
              {i.quantity}× {i.name}
            </span>
            <span className="font-semibold">{formatMoney(i.priceCents * i.quantity)}</span>
          </li>
        ))}
      </ul>
      <div className="flex justify-between text-lg">
        <span>Total estimado</span>
        <span className="font-bold">{formatMoney(cart.subtotalCents)}</span>
      </div>
      {error ? (
        <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
      <Button
        className="w-full"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(undefined);
          const res = await fetch("/api/orders", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ items: cart.items.map((i) => ({ productId: i.productId, quantity: i.quantity })) }),
          });
          const body = await res.json().catch(() => null);
          if (!res.ok) {
            setPending(false);
            setError(body?.error?.message ?? "Não foi possível criar o pedido.");
            return;
          }
          cart.clear();
          router.push(`/checkout/${body.id}`);
        }}
      >
        {pending ? "Reservando seus itens..." : "Confirmar pedido"}
      </Button>
    </Card>
  );
}
