import type { CSSProperties } from "react";

/**
 * OnlyWave's email palette and shared inline styles.
 *
 * Email clients ignore <style> blocks inconsistently (Gmail strips some, Outlook
 * ignores most), so every style is an inline object applied through react-email.
 */
export const colors = {
  ocean: "#0b3d5c",
  oceanLight: "#14577f",
  sand: "#f4e9d8",
  sandDark: "#e6d5b8",
  coral: "#ff6b4a",
  ink: "#1f2d3a",
  muted: "#5b6b78",
  white: "#ffffff",
} as const;

export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export const styles = {
  heading: {
    color: colors.ocean,
    fontSize: "22px",
    lineHeight: "30px",
    fontWeight: 700,
    margin: "0 0 16px",
  },
  paragraph: {
    color: colors.ink,
    fontSize: "15px",
    lineHeight: "24px",
    margin: "0 0 14px",
  },
  small: {
    color: colors.muted,
    fontSize: "13px",
    lineHeight: "20px",
    margin: "0 0 10px",
  },
  link: {
    color: colors.oceanLight,
    textDecoration: "underline",
  },
} satisfies Record<string, CSSProperties>;
