"use client";

import { useState } from "react";
import { type CartItem, useCart } from "../../_components/cart";
import { useToast } from "../../_components/toast";
import { Button } from "../../_components/ui";

export function AddToCart({ product, maxQuantity }: { product: Omit<CartItem, "quantity">; maxQuantity: number }) {
  const cart = useCart();
  const toast = useToast();
  const [quantity, setQuantity] = useState(1);
  return (
    <div className="flex flex-wrap items-end gap-3">
      {maxQuantity > 1 ? (
        <div>
          <label htmlFor="quantidade" className="block text-sm font-medium text-slate-700">
            Quantidade
          </label>
          <input
            id="quantidade"
            type="number"
            min={1}
            max={maxQuantity}
            value={quantity}
            onChange={(e) => setQuantity(Math.max(1, Math.min(maxQuantity, Number(e.target.value) || 1)))}
            className="mt-1 w-24 rounded-lg border border-slate-300 px-3 py-2"
          />
        </div>
      ) : null}
      <Button
        onClick={() => {
          cart.add(product, quantity);
          toast(`${product.name} foi adicionado ao carrinho.`, "success");
        }}
      >
        Adicionar ao carrinho
      </Button>
    </div>
  );
}
