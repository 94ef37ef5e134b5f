import { describe, expect, it } from "vitest";
import { formatMinutes } from "./copy";
import { formatBRL } from "./format";

describe("formatBRL", () => {
  it.each([
    [123456, "R$ 1.234,56"],
    [0, "R$ 0,00"],
    [5, "R$ 0,05"],
    [1990, "R$ 19,90"],
    [100_000_000, "R$ 1.000.000,00"],
  ])("%i centavos → %s", (cents, expected) => {
    expect(formatBRL(cents)).toBe(expected);
  });

  it("uses a plain space, not Intl's no-break space", () => {
    expect(formatBRL(100)).not.toContain("\u00a0");
  });

  it("refuses fractional centavos", () => {
    expect(() => formatBRL(12.5)).toThrow(TypeError);
  });
});

describe("formatMinutes", () => {
  it("reads naturally in pt-BR", () => {
    expect(formatMinutes(1)).toBe("1 minuto");
    expect(formatMinutes(30)).toBe("30 minutos");
    expect(formatMinutes(60)).toBe("1 hora");
    expect(formatMinutes(120)).toBe("2 horas");
    expect(formatMinutes(90)).toBe("90 minutos");
  });
});
