"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatMoney } from "@/lib/money";
import { CartPlaceholder, useCart } from "../_components/cart";
import { callApi } from "../_components/api";
import { Button, Card, FormError } from "../_components/ui";

export function ConfirmOrder() {
  const cart = useCart();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  if (!cart.ready || cart.items.length === 0) return <CartPlaceholder ready={cart.ready} />;
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
      <FormError message={error} />
      <Button
        className="w-full"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(undefined);
          const res = await callApi<{ id: string }>("/api/orders", {
            body: { items: cart.items.map((i) => ({ productId: i.productId, quantity: i.quantity })) },
          });
          if (!res.ok) {
            setPending(false);
            setError(res.error.message);
            return;
          }
          cart.clear();
          router.push(`/checkout/${res.data.id}`);
        }}
      >
        {pending ? "Reservando seus itens..." : "Confirmar pedido"}
      </Button>
    </Card>
  );
}
