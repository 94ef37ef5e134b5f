import { describe, expect, it } from "vitest";
import { decideFileAccess, type FileNeed } from "./access";

const owner = { user: { id: "u-owner", role: "customer" as const } };
const other = { user: { id: "u-other", role: "customer" as const } };
const admin = { user: { id: "u-admin", role: "admin" as const } };

const file = (status: "pending" | "ready" | "deleted", visibility: "public" | "private") => ({
  id: "f1",
  ownerId: "u-owner",
  status,
  visibility,
});

describe("decideFileAccess (the one ACL rule)", () => {
  const cases: [string, Parameters<typeof decideFileAccess>[0], ReturnType<typeof file>, FileNeed, boolean, boolean][] = [
    // who, caller, file, need, hasGrant, expected
    ["owner reads own private", owner, file("ready", "private"), "read", false, true],
    ["owner manages own pending", owner, file("pending", "private"), "manage", false, true],
    ["admin manages anyone's", admin, file("ready", "private"), "manage", false, true],
    ["stranger reads private", other, file("ready", "private"), "read", false, false],
    ["grantee reads private", other, file("ready", "private"), "read", true, true],
    ["grantee manages private", other, file("ready", "private"), "manage", true, false],
    ["grantee reads pending", other, file("pending", "private"), "read", true, false],
    ["anonymous reads public", null, file("ready", "public"), "read", false, true],
    ["anonymous reads private", null, file("ready", "private"), "read", true, false],
    ["anonymous reads pending public", null, file("pending", "public"), "read", false, false],
    ["stranger manages public", other, file("ready", "public"), "manage", false, false],
    ["owner reads deleted", owner, file("deleted", "public"), "read", false, false],
    ["admin manages deleted", admin, file("deleted", "private"), "manage", false, false],
  ];
  for (const [name, caller, f, need, grant, expected] of cases) {
    it(`${name} → ${expected ? "allowed" : "denied"}`, () => {
      expect(decideFileAccess(caller, f, need, grant)).toBe(expected);
    });
  }
});
