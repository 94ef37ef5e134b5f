import { Body, Container, Head, Html, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import { colors, fontFamily, styles } from "../theme";

export interface EmailLayoutProps {
  /** Inbox preview line (hidden in the body, skipped in the plain-text part). */
  preview: string;
  children: ReactNode;
  /** Extra footer line, e.g. why the reader got this email. */
  footerNote?: string;
}

const body: CSSProperties = {
  backgroundColor: colors.sand,
  fontFamily,
  margin: 0,
  padding: "24px 0",
};

const container: CSSProperties = {
  backgroundColor: colors.white,
  borderRadius: "12px",
  maxWidth: "560px",
  margin: "0 auto",
  overflow: "hidden",
  border: `1px solid ${colors.sandDark}`,
};

const header: CSSProperties = {
  backgroundColor: colors.ocean,
  padding: "24px 32px 20px",
};

const logo: CSSProperties = {
  color: colors.white,
  fontSize: "26px",
  lineHeight: "32px",
  fontWeight: 800,
  letterSpacing: "-0.5px",
  margin: 0,
};

const tagline: CSSProperties = {
  color: colors.sand,
  fontSize: "12px",
  lineHeight: "18px",
  letterSpacing: "2px",
  textTransform: "uppercase",
  margin: "4px 0 0",
};

const stripe: CSSProperties = {
  backgroundColor: colors.coral,
  height: "4px",
  lineHeight: "4px",
  fontSize: "4px",
};

const content: CSSProperties = { padding: "28px 32px 12px" };

const footer: CSSProperties = {
  backgroundColor: colors.sand,
  padding: "16px 32px 20px",
};

/** The frame every OnlyWave email shares: ocean header with the logo, coral stripe, sand footer. */
export function EmailLayout({ preview, children, footerNote }: EmailLayoutProps) {
  return (
    <Html lang="pt-BR">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section style={header}>
            <Text style={logo}>OnlyWave</Text>
            <Text style={tagline} data-skip-in-text="true">
              Surf shop · Brasil
            </Text>
          </Section>
          <Section style={stripe} data-skip-in-text="true">
            &nbsp;
          </Section>
          <Section style={content}>{children}</Section>
          <Section style={footer}>
            {footerNote ? <Text style={styles.small}>{footerNote}</Text> : null}
            <Text style={{ ...styles.small, margin: 0 }}>
              OnlyWave · pranchas, roupas e acessórios de surf. Este é um e-mail automático, não é
              preciso respondê-lo.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
