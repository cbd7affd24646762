import { describe, expect, it } from "vitest";
import { setupEndFlagsOf } from "./setup-end-request.js";

describe("setup's --boxafe / --ews flags", () => {
  it("leaves unset flags to the wizard (and --yes to core's defaults), reads every later Boxafe as 1.5", () => {
    expect(setupEndFlagsOf({})).toEqual({
      boxafe: undefined,
      ewsGiven: undefined,
      ews: "print",
      confirmEwsChange: false,
      mailbox: undefined,
    });
    expect(setupEndFlagsOf({ boxafe: "1.6", ews: "allow", "confirm-ews-change": true })).toMatchObject({
      boxafe: "1.5",
      ews: "allow",
      ewsGiven: "allow",
      confirmEwsChange: true,
    });
  });

  it("refuses a bad value naming the flag, before anything is contacted", () => {
    expect(() => setupEndFlagsOf({ boxafe: "1.3" })).toThrow(expect.objectContaining({ field: "boxafe" }));
    expect(() => setupEndFlagsOf({ ews: "maybe" })).toThrow(expect.objectContaining({ field: "ews" }));
  });
});
