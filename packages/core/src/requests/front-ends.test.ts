import { describe, expect, it } from "vitest";
import { setupRequestFromWebForm } from "./front-ends.js";

describe("setupRequestFromWebForm", () => {
  const appKey = { uniqueName: "boxafe-connect" };

  it("carries the page's Boxafe answer into the request", () => {
    expect(setupRequestFromWebForm({ appKey, displayName: "QNAP Boxafe", boxafe: "1.5" }).boxafe).toBe("1.5");
    expect(setupRequestFromWebForm({ appKey, secretDays: 180, boxafe: "1.4" })).toMatchObject({
      boxafe: "1.4",
      secretLifetimeDays: 180,
    });
  });

  it("leaves the version unset when the form does not ask (check and repair)", () => {
    expect(setupRequestFromWebForm({ appKey }).boxafe).toBeUndefined();
  });
});
