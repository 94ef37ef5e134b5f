import { afterEach, describe, expect, it } from "vitest";
import { kickOutbox, outboxWorkerRunning, startOutboxWorker } from "./worker";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("outbox worker scheduling", () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it("runs a pass at start and then every interval, and stops", async () => {
    let passes = 0;
    stop = startOutboxWorker({ intervalMs: 40, pass: async () => void passes++ });
    expect(outboxWorkerRunning()).toBe(true);
    await tick(200);
    expect(passes).toBeGreaterThanOrEqual(2);
    await stop();
    stop = undefined;
    expect(outboxWorkerRunning()).toBe(false);
    const after = passes;
    await tick(100);
    expect(passes).toBe(after);
  });

  it("is idempotent: a second start does not add a second timer", async () => {
    let first = 0;
    let second = 0;
    stop = startOutboxWorker({ intervalMs: 30, pass: async () => void first++ });
    startOutboxWorker({ intervalMs: 30, pass: async () => void second++ });
    await tick(150);
    expect(first).toBeGreaterThan(1);
    expect(second).toBe(0);
  });

  it("never runs two passes at once; a kick during a pass runs one more after it", async () => {
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    stop = startOutboxWorker({
      intervalMs: 60_000,
      pass: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        passes++;
        await tick(50);
        active--;
      },
    });
    await tick(5);
    kickOutbox();
    kickOutbox();
    kickOutbox();
    await tick(200);
    expect(maxActive).toBe(1);
    expect(passes).toBe(2);
  });

  it("keeps running after a failing pass", async () => {
    let passes = 0;
    stop = startOutboxWorker({
      intervalMs: 30,
      pass: async () => {
        passes++;
        throw new Error("database down");
      },
    });
    await tick(200);
    expect(passes).toBeGreaterThan(1);
  });

  it("ignores kicks in a process without a worker", async () => {
    expect(outboxWorkerRunning()).toBe(false);
    expect(() => kickOutbox()).not.toThrow();
  });
});
