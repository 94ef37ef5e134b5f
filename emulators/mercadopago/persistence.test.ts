/** Optional JSON state file: the state survives a restart (as in `npm run dev`). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { call, createPreference, payWith, startReceiver, startTestEmulator } from "./test-helpers";

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mp-emulator-"));
  file = join(dir, "nested", "state.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("state file", () => {
  it("keeps preferences, payments, refunds and logs across a restart", async () => {
    const first = await startTestEmulator({ stateFile: file });
    const pref = await createPreference(first);
    const payment = await payWith(first, pref.id);
    await call(first, "POST", `/v1/payments/${payment.id}/refunds`, { amount: 9.9 }, { "x-idempotency-key": "persisted-key" });
    const before = (await call(first, "GET", `/v1/payments/${payment.id}`)).body;
    await first.close();
    expect(JSON.parse(readFileSync(file, "utf8")).version).toBe(1);

    const second = await startTestEmulator({ stateFile: file });
    try {
      expect((await call(second, "GET", `/v1/payments/${payment.id}`)).body).toEqual(before);
      const search = await call(second, "GET", "/v1/payments/search?external_reference=order-123");
      expect(search.body.paging.total).toBe(1);
      const reread = (await call(second, "GET", `/checkout/preferences/${pref.id}`)).body;
      expect(reread.init_point).toBe(`${second.url}/checkout/v1/redirect?pref_id=${pref.id}`);
      const replay = await call(second, "POST", `/v1/payments/${payment.id}/refunds`, { amount: 9.9 }, { "x-idempotency-key": "persisted-key" });
      expect(replay.headers.get("x-idempotency-replayed")).toBe("true");
      const next = await payWith(second, pref.id);
      expect(next.id).toBeGreaterThan(payment.id);
      expect((await call(second, "GET", "/__emulator/requests")).body.length).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  it("writes changes shortly after they happen, without waiting for close", async () => {
    const emu = await startTestEmulator({ stateFile: file });
    try {
      const pref = await createPreference(emu);
      await vi.waitFor(() => {
        const saved = JSON.parse(readFileSync(file, "utf8"));
        expect(saved.preferences.map((p: { id: string }) => p.id)).toEqual([pref.id]);
      });
    } finally {
      await emu.close();
    }
  });

  it("delivers, after a restart, a notification that was waiting for a retry", async () => {
    const receiver = await startReceiver();
    try {
      receiver.replies.push(500);
      const first = await startTestEmulator({ stateFile: file, notificationRetryDelaysMs: [60_000] });
      const pref = await createPreference(first, { notification_url: `${receiver.url}/hook` });
      await payWith(first, pref.id);
      await receiver.waitFor(1);
      await vi.waitFor(() => expect(first.state.notifications[0].state).toBe("scheduled"));
      await first.close();

      const second = await startTestEmulator({ stateFile: file, notificationRetryDelaysMs: [10] });
      try {
        const [a, b] = await receiver.waitFor(2);
        expect(b.body).toEqual(a.body);
        await second.notificationsSettled();
        expect(second.state.notifications[0]).toMatchObject({ state: "delivered", note: "rescheduled after a restart" });
      } finally {
        await second.close();
      }
    } finally {
      await receiver.close();
    }
  });

  it("starts empty, and says so, when the file is unreadable", async () => {
    writeFileSync(join(dir, "broken.json"), "{not json");
    const lines: string[] = [];
    const emu = await startTestEmulator({ stateFile: join(dir, "broken.json"), log: (line) => lines.push(line) });
    try {
      expect(emu.state.preferences.size).toBe(0);
      expect(lines.some((line) => line.includes("ignoring unreadable state file"))).toBe(true);
      await createPreference(emu);
    } finally {
      await emu.close();
    }
    expect(JSON.parse(readFileSync(join(dir, "broken.json"), "utf8")).preferences).toHaveLength(1);
  });

  it("keeps everything in memory when no file is given", async () => {
    const emu = await startTestEmulator();
    await createPreference(emu);
    await emu.close();
    expect(existsSync(file)).toBe(false);
  });
});
