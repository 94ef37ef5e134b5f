import { PageTitle } from "../_components/ui";
import { CartView } from "./cart-view";

export const metadata = { title: "Carrinho" };

export default function CartPage() {
  return (
    <div>
      <PageTitle>Seu carrinho</PageTitle>
      <CartView />
    </div>
  );
}
