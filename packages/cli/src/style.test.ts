import { describe, expect, it } from "vitest";
import { colorWanted, createStyle } from "./style.js";

describe("colorWanted", () => {
  it.each([
    [{ noColorFlag: false, env: {}, isTTY: true }, true],
    [{ noColorFlag: true, env: {}, isTTY: true }, false],
    [{ noColorFlag: false, env: { NO_COLOR: "1" }, isTTY: true }, false],
    [{ noColorFlag: false, env: {}, isTTY: false }, false],
  ])("%o -> %s", (options, expected) => {
    expect(colorWanted(options)).toBe(expected);
  });

  it("styles to plain text when disabled", () => {
    expect(createStyle(false).red("x")).toBe("x");
    expect(createStyle(true).red("x")).toBe("\u001b[31mx\u001b[39m");
  });
});
