import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeRedirectPath("/checkout")).toBe("/checkout");
    expect(safeRedirectPath("/orders/1?x=1#y")).toBe("/orders/1?x=1#y");
    expect(safeRedirectPath(["/files", "/other"])).toBe("/files");
  });

  it("refuses anything a browser could send to another origin", () => {
    for (const bad of ["//evil.com", "/\\evil.com", "/\tevil.com", "/%09/evil.com".replace("%09", "\t"), "https://evil.com", "evil.com", "", undefined, "/\\/evil.com", "/\nx"]) {
      expect(safeRedirectPath(bad)).toBe("/");
    }
  });
});
