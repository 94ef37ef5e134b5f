import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { CtaButton } from "./components/cta-button";
import { EmailLayout } from "./components/layout";
import { formatMinutes } from "./copy";
import { defineTemplate } from "./define";
import { httpUrlSchema, personNameSchema } from "./schemas";
import { styles } from "./theme";

export const passwordResetSchema = z.object({
  name: personNameSchema,
  resetUrl: httpUrlSchema,
  expiresInMinutes: z.number().int().positive().max(7 * 24 * 60),
});

export type PasswordResetProps = z.infer<typeof passwordResetSchema>;

export function PasswordResetEmail({ name, resetUrl, expiresInMinutes }: PasswordResetProps) {
  return (
    <EmailLayout
      preview="Use o link para criar uma nova senha."
      footerNote="Você recebeu este e-mail porque alguém pediu para redefinir a senha desta conta."
    >
      <Heading as="h1" style={styles.heading}>
        Redefinição de senha
      </Heading>
      <Text style={styles.paragraph}>
        Olá, {name}. Recebemos um pedido para redefinir a senha da sua conta OnlyWave. Clique no
        botão abaixo para criar uma nova senha.
      </Text>
      <CtaButton href={resetUrl} label="Criar nova senha" />
      <Text style={styles.paragraph}>
        Este link expira em {formatMinutes(expiresInMinutes)}.
      </Text>
      <Text style={styles.small}>
        Se você não pediu a redefinição, ignore este e-mail: sua senha continua a mesma.
      </Text>
    </EmailLayout>
  );
}

export const passwordResetTemplate = defineTemplate({
  description: "Link para redefinir a senha",
  schema: passwordResetSchema,
  component: PasswordResetEmail,
  subject: () => "Redefinição de senha da sua conta OnlyWave",
  sample: {
    name: "Marina",
    resetUrl: "https://onlywave.com.br/redefinir-senha?token=amostra-123",
    expiresInMinutes: 60,
  },
});

PasswordResetEmail.PreviewProps = passwordResetTemplate.sample;
export default PasswordResetEmail;
