import { describe, expect, it } from "vitest";
import { fromApiStatus, isForward, statusForEvent, toApiStatus } from "./status";

describe("outbox statuses", () => {
  it("only moves forward: sent < delivered < opened < clicked; bounced and failed are final", () => {
    expect(isForward("sent", "delivered")).toBe(true);
    expect(isForward("delivered", "clicked")).toBe(true);
    expect(isForward("clicked", "delivered")).toBe(false);
    expect(isForward("opened", "opened")).toBe(false);
    expect(isForward("clicked", "bounced")).toBe(true);
    expect(isForward("bounced", "clicked")).toBe(false);
    expect(isForward("failed", "delivered")).toBe(false);
    expect(isForward("sending", "delivered")).toBe(true);
  });

  it("maps SendGrid events to statuses; engagement-free events only join the timeline", () => {
    expect(statusForEvent("delivered")).toBe("delivered");
    expect(statusForEvent("open")).toBe("opened");
    expect(statusForEvent("click")).toBe("clicked");
    expect(statusForEvent("bounce")).toBe("bounced");
    expect(statusForEvent("dropped")).toBe("failed");
    expect(statusForEvent("deferred")).toBeNull();
    expect(statusForEvent("spamreport")).toBeNull();
  });

  it("publishes the contract's seven statuses and filters back to the finer ones", () => {
    expect(toApiStatus("sending")).toBe("queued");
    expect(toApiStatus("suppressed")).toBe("failed");
    expect(toApiStatus("clicked")).toBe("clicked");
    expect(fromApiStatus("queued")).toEqual(["queued", "sending"]);
    expect(fromApiStatus("failed")).toEqual(["failed", "suppressed"]);
    expect(fromApiStatus("delivered")).toEqual(["delivered"]);
  });
});
