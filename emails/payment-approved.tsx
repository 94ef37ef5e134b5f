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
  paidItemSchema,
  personNameSchema,
} from "./schemas";
import { styles } from "./theme";

export const paymentApprovedSchema = z.object({
  name: personNameSchema.optional(),
  orderId: orderIdSchema,
  /** Items with `downloadUrl` are digital goods and get a download link each. */
  items: z.array(paidItemSchema).min(1),
  totalCents: centsSchema,
  orderUrl: httpUrlSchema.optional(),
});

export type PaymentApprovedProps = z.infer<typeof paymentApprovedSchema>;

export function PaymentApprovedEmail({
  name,
  orderId,
  items,
  totalCents,
  orderUrl,
}: PaymentApprovedProps) {
  const hasDownloads = items.some((item) => item.downloadUrl);
  const hasPhysical = items.some((item) => !item.downloadUrl);
  return (
    <EmailLayout
      preview={`Pagamento de ${formatBRL(totalCents)} aprovado: pedido #${orderId}.`}
      footerNote="Você recebeu este e-mail porque fez um pedido na OnlyWave."
    >
      <Heading as="h1" style={styles.heading}>
        Pagamento aprovado!
      </Heading>
      <Text style={styles.paragraph}>
        {greeting(name)} O pagamento do pedido #{orderId} foi aprovado. Obrigado por surfar com a
        gente.
      </Text>
      {hasDownloads ? (
        <Text style={styles.paragraph}>
          Seus produtos digitais já estão liberados: use o link “Baixar arquivo” de cada item.
        </Text>
      ) : null}
      {hasPhysical ? (
        <Text style={styles.paragraph}>
          Agora vamos separar e embalar os produtos físicos para envio.
        </Text>
      ) : null}
      <ItemsTable items={items} totalCents={totalCents} showDownloads />
      {orderUrl ? <CtaButton href={orderUrl} label="Ver meu pedido" variant="secondary" /> : null}
      {hasDownloads ? (
        <Text style={styles.small}>
          Os links de download são pessoais. Não os compartilhe.
        </Text>
      ) : null}
    </EmailLayout>
  );
}

export const paymentApprovedTemplate = defineTemplate({
  description: "Pagamento aprovado (com links de download para itens digitais)",
  schema: paymentApprovedSchema,
  component: PaymentApprovedEmail,
  subject: ({ orderId }) => `Pagamento aprovado: pedido #${orderId}`,
  sample: {
    name: "Marina",
    orderId: "OW-10427",
    items: [
      { name: "Leash Competition 6'", quantity: 1, unitPriceCents: 12_990 },
      {
        name: "E-book: Guia de Manobras para Iniciantes",
        quantity: 1,
        unitPriceCents: 4_990,
        downloadUrl: "https://onlywave.com.br/downloads/amostra-ebook-manobras",
      },
    ],
    totalCents: 17_980,
    orderUrl: "https://onlywave.com.br/pedidos/OW-10427",
  },
});

PaymentApprovedEmail.PreviewProps = paymentApprovedTemplate.sample;
export default PaymentApprovedEmail;
