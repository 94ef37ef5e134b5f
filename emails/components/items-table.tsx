import { Column, Link, Row, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import type { PaidItem } from "../schemas";
import { colors, styles } from "../theme";
import { Money } from "./money";

export interface ItemsTableProps {
  items: PaidItem[];
  totalCents: number;
  /** Show each digital item's download link under its name. */
  showDownloads?: boolean;
}

const row: CSSProperties = { borderBottom: `1px solid ${colors.sandDark}` };
const nameText: CSSProperties = { ...styles.paragraph, margin: "10px 0 2px", fontWeight: 600 };
const detailText: CSSProperties = { ...styles.small, margin: "0 0 10px" };
const amountText: CSSProperties = { ...styles.paragraph, margin: "10px 0", textAlign: "right" };
const totalText: CSSProperties = {
  ...styles.paragraph,
  margin: "12px 0",
  fontWeight: 700,
  color: colors.ocean,
};

/** Order lines (name, quantity × unit price, line total) followed by the order total. */
export function ItemsTable({ items, totalCents, showDownloads = false }: ItemsTableProps) {
  return (
    <Section style={{ margin: "4px 0 20px" }}>
      {items.map((item, index) => (
        <Row key={index} style={row}>
          <Column>
            <Text style={nameText}>{item.name}</Text>
            <Text style={detailText}>
              {item.quantity} × <Money cents={item.unitPriceCents} />
            </Text>
            {showDownloads && item.downloadUrl ? (
              <Text style={detailText}>
                <Link href={item.downloadUrl} style={{ ...styles.link, fontWeight: 700 }}>
                  Baixar arquivo
                </Link>
              </Text>
            ) : null}
          </Column>
          <Column style={{ width: "130px", verticalAlign: "top" }}>
            <Text style={amountText}>
              <Money cents={item.quantity * item.unitPriceCents} />
            </Text>
          </Column>
        </Row>
      ))}
      <Row>
        <Column>
          <Text style={totalText}>Total</Text>
        </Column>
        <Column style={{ width: "130px" }}>
          <Text style={{ ...totalText, textAlign: "right" }}>
            <Money cents={totalCents} />
          </Text>
        </Column>
      </Row>
    </Section>
  );
}
