import { Button, Link, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { colors, styles } from "../theme";

export interface CtaButtonProps {
  href: string;
  label: string;
  /** `secondary` for actions that should not compete with the main one. */
  variant?: "primary" | "secondary";
}

const base: CSSProperties = {
  borderRadius: "8px",
  fontSize: "15px",
  fontWeight: 700,
  padding: "12px 22px",
  textDecoration: "none",
  display: "inline-block",
};

// White on coral is only 2.8:1; dark ink on coral is 5:1 (WCAG AA for body text).
const variants: Record<NonNullable<CtaButtonProps["variant"]>, CSSProperties> = {
  primary: { backgroundColor: colors.coral, color: colors.ink },
  secondary: { backgroundColor: colors.ocean, color: colors.white },
};

/**
 * Call-to-action button plus a copy-paste fallback link for clients that block
 * buttons. The fallback is skipped in the plain-text part, where the button
 * itself already prints as "label url".
 */
export function CtaButton({ href, label, variant = "primary" }: CtaButtonProps) {
  return (
    <Section style={{ margin: "8px 0 20px" }}>
      <Button href={href} style={{ ...base, ...variants[variant] }}>
        {label}
      </Button>
      <Text style={{ ...styles.small, margin: "12px 0 0" }} data-skip-in-text="true">
        Se o botão não funcionar, copie e cole este endereço no navegador:{" "}
        <Link href={href} style={{ ...styles.link, wordBreak: "break-all" }}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
