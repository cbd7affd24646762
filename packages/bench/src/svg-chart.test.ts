import { describe, expect, it } from "vitest";
import { barChartSvg, escapeXml, niceMax } from "./svg-chart.js";

const series = [
  { name: "ours", color: "#0969da" },
  { name: "baseline <seq>", color: "#bf8700" },
];

describe("niceMax", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(8);
    expect(niceMax(130)).toBe(150);
    expect(niceMax(5095)).toBe(6000);
    expect(niceMax(1000)).toBe(1000);
    expect(niceMax(9100)).toBe(10000);
  });
});

describe("barChartSvg", () => {
  const svg = barChartSvg({
    title: "Fresh setup",
    unit: "ms",
    series,
    groups: [
      { label: "0 ms", values: [100, 400], suffixes: [undefined, "(4.0x)"] },
      { label: "150 ms", values: [800, undefined] },
    ],
  });

  it("is a standalone SVG document with a title", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("<title>Fresh setup</title>");
  });

  it("draws one bar per measured value, scaled to the nice maximum", () => {
    const bars = [...svg.matchAll(/<rect x="120" y="\d+" width="([\d.]+)" height="18"/g)].map((m) =>
      Number(m[1]),
    );
    // axis max is niceMax(800) = 800 over a 450 px plot
    expect(bars).toEqual([56.3, 225, 450]);
    expect(svg).toContain("not measured");
    expect(svg).toContain(">400 ms (4.0x)</text>");
  });

  it("escapes text", () => {
    expect(svg).toContain("baseline &lt;seq&gt;");
    expect(escapeXml(`a&"b`)).toBe("a&amp;&quot;b");
  });

  it("rejects a group whose values do not match the series", () => {
    expect(() =>
      barChartSvg({ title: "t", unit: "ms", series, groups: [{ label: "x", values: [1] }] }),
    ).toThrow(/has 1 values for 2 series/);
  });
});
