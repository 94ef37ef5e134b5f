import { describe, expect, it } from "vitest";
import { createObjectKey, extensionFor, isObjectKey, visibilityOfKey } from "./keys";
import { checkUpload } from "./policy";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

describe("createObjectKey", () => {
  it("makes public/<yyyy>/<mm>/<uuid>.<ext> from the UTC date", () => {
    // 23:30 in São Paulo on 31 Dec is already January in UTC.
    const key = createObjectKey({ visibility: "public", contentType: "image/png", now: new Date("2026-12-31T23:30:00-03:00") });
    expect(key).toMatch(new RegExp(`^public/2027/01/${UUID}\\.png$`));
    expect(isObjectKey(key)).toBe(true);
    expect(visibilityOfKey(key)).toBe("public");
  });

  it("makes private/<uuid>.<ext>", () => {
    const key = createObjectKey({ visibility: "private", contentType: "application/pdf" });
    expect(key).toMatch(new RegExp(`^private/${UUID}\\.pdf$`));
    expect(visibilityOfKey(key)).toBe("private");
  });

  it("derives the extension from the content type only", () => {
    expect(extensionFor("image/jpeg")).toBe("jpg");
    expect(extensionFor("Text/CSV; charset=utf-8")).toBe("csv");
    expect(extensionFor("application/x-msdownload")).toBeUndefined();
    expect(createObjectKey({ visibility: "private", contentType: "application/octet-stream" })).toMatch(
      new RegExp(`^private/${UUID}$`),
    );
  });

  it("never contains the user's filename", () => {
    const cases: Array<[string, string[]]> = [
      ["../../etc/passwd", ["etc", "passwd"]],
      ["..\\..\\windows\\system32\\cmd.exe", ["windows", "system32", "cmd", "exe"]],
      ["Guia de manobras — básico.pdf", ["Guia", "manobras", "básico", " "]],
      ["💀🏄.png", ["💀", "🏄"]],
      ["%2e%2e%2fsecret.txt", ["%", "secret"]],
      ["prancha.php.png", ["prancha", "php"]],
    ];
    for (const [filename, fragments] of cases) {
      const check = checkUpload({ contentType: "image/png", size: 100, filename });
      expect(check.ok).toBe(true);
      const key = createObjectKey({ visibility: "public", contentType: check.ok ? check.contentType : "image/png" });
      expect(isObjectKey(key)).toBe(true);
      expect(key).toMatch(/^[a-z0-9/.-]+$/);
      expect(key).not.toContain("..");
      for (const fragment of fragments) expect(key).not.toContain(fragment);
    }
  });

  it("is unique", () => {
    const keys = new Set(Array.from({ length: 1000 }, () => createObjectKey({ visibility: "private", contentType: "text/plain" })));
    expect(keys.size).toBe(1000);
  });

  it("refuses a uuid source that does not return a UUID", () => {
    expect(() => createObjectKey({ visibility: "private", contentType: "text/plain", uuid: () => "../x" })).toThrow();
  });
});

describe("isObjectKey", () => {
  it("rejects keys we did not make", () => {
    for (const key of [
      "../x",
      "public/2026/13/0b9a3d2e-7c1f-4b8e-9a57-3f1c2d4e5f60.png",
      "private/../../etc/passwd",
      "private/0b9a3d2e-7c1f-4b8e-9a57-3f1c2d4e5f60.png/..",
      "other/0b9a3d2e-7c1f-4b8e-9a57-3f1c2d4e5f60",
      " private/0b9a3d2e-7c1f-4b8e-9a57-3f1c2d4e5f60",
    ]) {
      expect(isObjectKey(key)).toBe(false);
      expect(visibilityOfKey(key)).toBeUndefined();
    }
    expect(isObjectKey("private/0b9a3d2e-7c1f-4b8e-9a57-3f1c2d4e5f60")).toBe(true);
  });
});
