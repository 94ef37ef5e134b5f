"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ButtonLink, Card } from "./ui";

export interface CartItem {
  productId: string;
  slug: string;
  name: string;
  /** Display only: the server prices every order from the database. */
  priceCents: number;
  quantity: number;
  image?: string;
  kind: "physical" | "digital";
}

interface CartApi {
  items: CartItem[];
  count: number;
  subtotalCents: number;
  ready: boolean;
  add(item: Omit<CartItem, "quantity">, quantity?: number): void;
  setQuantity(productId: string, quantity: number): void;
  remove(productId: string): void;
  clear(): void;
}

const STORAGE_KEY = "onlywave.cart.v1";
export const MAX_QUANTITY = 99;
const CartContext = createContext<CartApi | null>(null);

function load(): CartItem[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((i) => i && typeof i.productId === "string") : [];
  } catch {
    return [];
  }
}

/** The cart lives in the browser (kept across reloads and tabs) until checkout turns it into an order. */
export function CartProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<CartItem[]>([]);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    setItems(load());
    setReady(true);
    const onStorage = (e: StorageEvent) => {
      if (e.key === STORAGE_KEY) setItems(load());
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  const save = useCallback((next: CartItem[]) => {
    setItems(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  }, []);

  const api = useMemo<CartApi>(() => {
    const clamp = (q: number) => Math.max(1, Math.min(MAX_QUANTITY, Math.floor(q)));
    return {
      items,
      ready,
      count: items.reduce((n, i) => n + i.quantity, 0),
      subtotalCents: items.reduce((n, i) => n + i.priceCents * i.quantity, 0),
      add(item, quantity = 1) {
        const current = load();
        const found = current.find((i) => i.productId === item.productId);
        save(
          found
            ? current.map((i) => (i.productId === item.productId ? { ...i, ...item, quantity: clamp(i.quantity + quantity) } : i))
            : [...current, { ...item, quantity: clamp(quantity) }],
        );
      },
      setQuantity(productId, quantity) {
        save(load().map((i) => (i.productId === productId ? { ...i, quantity: clamp(quantity) } : i)));
      },
      remove(productId) {
        save(load().filter((i) => i.productId !== productId));
      },
      clear() {
        save([]);
      },
    };
  }, [items, ready, save]);

  return <CartContext.Provider value={api}>{children}</CartContext.Provider>;
}

export function useCart(): CartApi {
  const ctx = useContext(CartContext);
  if (!ctx) throw new Error("useCart outside CartProvider");
  return ctx;
}

/** What cart pages show while the cart loads from storage, or when it is empty. */
export function CartPlaceholder({ ready }: { ready: boolean }) {
  if (!ready) return <p className="text-slate-500">Carregando...</p>;
  return (
    <Card className="text-center">
      <p className="text-slate-600">Seu carrinho está vazio.</p>
      <ButtonLink href="/products" className="mt-4">
        Explorar o catálogo
      </ButtonLink>
    </Card>
  );
}

export function CartLink() {
  const { count, ready } = useCart();
  return (
    <a
      href="/cart"
      className="relative inline-flex items-center gap-2 rounded-full bg-white/10 px-4 py-2 text-sm font-semibold text-white hover:bg-white/20"
      aria-label={`Carrinho, ${count} ${count === 1 ? "item" : "itens"}`}
      data-testid="cart-link"
    >
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 6h15l-1.5 9h-12z" />
        <path d="M6 6 5 3H2" />
        <circle cx="9" cy="20" r="1.5" />
        <circle cx="18" cy="20" r="1.5" />
      </svg>
      Carrinho
      {ready && count > 0 ? (
        <span className="rounded-full bg-coral-500 px-2 text-xs" data-testid="cart-count">
          {count}
        </span>
      ) : null}
    </a>
  );
}
