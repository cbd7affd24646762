import { describe, expect, it } from "vitest";
import { canReadDirectory } from "./directory-readers.js";

describe("canReadDirectory", () => {
  it("is true when a directory-reading role is among the token's roles", () => {
    expect(canReadDirectory(["Mail.Read", "Application.Read.All"])).toBe(true);
    expect(canReadDirectory(["Directory.ReadWrite.All"])).toBe(true);
  });

  it("is false for other roles, an empty list or no roles claim", () => {
    expect(canReadDirectory(["Mail.Read", "Sites.FullControl.All"])).toBe(false);
    expect(canReadDirectory([])).toBe(false);
    expect(canReadDirectory(undefined)).toBe(false);
    expect(canReadDirectory("Directory.Read.All")).toBe(false);
  });
});
