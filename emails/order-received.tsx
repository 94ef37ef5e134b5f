import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { CtaButton } from "./components/cta-button";
import { ItemsTable } from "./components/items-table";
import { EmailLayout } from "./components/layout";
import { greeting } from "./copy";
import { defineTemplate } from "./define";
import { formatBRL } from "./format";
import {
  centsSchema,
  httpUrlSchema,
  orderIdSchema,
  orderItemSchema,
  personNameSchema,
} from "./schemas";
import { styles } from "./theme";

export const orderReceivedSchema = z.object({
  name: personNameSchema.optional(),
  orderId: orderIdSchema,
  items: z.array(orderItemSchema).min(1),
  totalCents: centsSchema,
  payUrl: httpUrlSchema,
});

export type OrderReceivedProps = z.infer<typeof orderReceivedSchema>;

export function OrderReceivedEmail({ name, orderId, items, totalCents, payUrl }: OrderReceivedProps) {
  return (
    <EmailLayout
      preview={`Pedido #${orderId} aguardando pagamento de ${formatBRL(totalCents)}.`}
      footerNote="Você recebeu este e-mail porque fez um pedido na OnlyWave."
    >
      <Heading as="h1" style={styles.heading}>
        Recebemos seu pedido #{orderId}
      </Heading>
      <Text style={styles.paragraph}>
        {greeting(name)} Seu pedido foi registrado e está aguardando pagamento. Assim que o
        pagamento for confirmado, avisaremos você por e-mail.
      </Text>
      <ItemsTable items={items} totalCents={totalCents} />
      <CtaButton href={payUrl} label="Pagar agora" />
      <Text style={styles.small}>
        Já pagou? Então é só aguardar: a confirmação leva alguns minutos no Pix e no cartão, e até 3
        dias úteis no boleto.
      </Text>
    </EmailLayout>
  );
}

export const orderReceivedTemplate = defineTemplate({
  description: "Pedido criado, aguardando pagamento",
  schema: orderReceivedSchema,
  component: OrderReceivedEmail,
  subject: ({ orderId }) => `Recebemos seu pedido #${orderId}: aguardando pagamento`,
  sample: {
    name: "Marina",
    orderId: "OW-10427",
    items: [
      { name: "Prancha Funboard 7'2\" Epóxi", quantity: 1, unitPriceCents: 289_900 },
      { name: "Parafina Tropical (barra)", quantity: 3, unitPriceCents: 1_990 },
    ],
    totalCents: 295_870,
    payUrl: "https://onlywave.com.br/pedidos/OW-10427/pagar",
  },
});

OrderReceivedEmail.PreviewProps = orderReceivedTemplate.sample;
export default OrderReceivedEmail;
