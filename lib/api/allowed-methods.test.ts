import { describe, expect, it } from "vitest";
import { API_METHODS } from "./allowed-methods";
import { allOperations } from "./ops";

describe("the proxy's table of API methods", () => {
  it("matches the operation registry exactly (add new operations to API_METHODS)", () => {
    const fromRegistry: Record<string, string[]> = {};
    for (const op of allOperations) fromRegistry[op.path] = [...(fromRegistry[op.path] ?? []), op.method];
    for (const list of Object.values(fromRegistry)) list.sort();
    const table = Object.fromEntries(Object.entries(API_METHODS).map(([p, m]) => [p, [...m].sort()]));
    expect(table).toEqual(fromRegistry);
  });
});
