import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { CtaButton } from "./components/cta-button";
import { EmailLayout } from "./components/layout";
import { defineTemplate } from "./define";
import { httpUrlSchema, personNameSchema } from "./schemas";
import { styles } from "./theme";

export const welcomeSchema = z.object({
  name: personNameSchema,
  /** Storefront link for the button; omitted → no button. */
  shopUrl: httpUrlSchema.optional(),
});

export type WelcomeProps = z.infer<typeof welcomeSchema>;

export function WelcomeEmail({ name, shopUrl }: WelcomeProps) {
  return (
    <EmailLayout
      preview={`Sua conta na OnlyWave está pronta, ${name}.`}
      footerNote="Você recebeu este e-mail porque criou uma conta na OnlyWave."
    >
      <Heading as="h1" style={styles.heading}>
        Boas-vindas à OnlyWave, {name}!
      </Heading>
      <Text style={styles.paragraph}>
        Sua conta foi criada. A partir de agora você acompanha seus pedidos, guarda seus dados de
        entrega e baixa seus produtos digitais direto da sua conta.
      </Text>
      {shopUrl ? <CtaButton href={shopUrl} label="Conferir a loja" /> : null}
      <Text style={styles.paragraph}>Boas ondas!</Text>
      <Text style={styles.paragraph}>Equipe OnlyWave</Text>
    </EmailLayout>
  );
}

export const welcomeTemplate = defineTemplate({
  description: "Boas-vindas após o cadastro",
  schema: welcomeSchema,
  component: WelcomeEmail,
  subject: ({ name }) => `Boas-vindas à OnlyWave, ${name}!`,
  sample: { name: "Marina", shopUrl: "https://onlywave.com.br/" },
});

WelcomeEmail.PreviewProps = welcomeTemplate.sample;
export default WelcomeEmail;
