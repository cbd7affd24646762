/**
 * A hand-rolled grouped horizontal bar chart as SVG (no chart library: the figure is a few rects
 * and labels, and a dependency would weigh more than this file).
 */

export interface ChartSeries {
  readonly name: string;
  readonly color: string;
}

export interface ChartGroup {
  readonly label: string;
  /** One value per series, in series order; undefined leaves a gap ("not measured"). */
  readonly values: readonly (number | undefined)[];
  /** Optional text after a bar's value, per series (e.g. "6.6x slower"). */
  readonly suffixes?: readonly (string | undefined)[];
}

export interface BarChart {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly ChartSeries[];
  readonly groups: readonly ChartGroup[];
  /** How a value is printed at the end of its bar. */
  readonly format?: (value: number) => string;
}

const WIDTH = 720;
const LABEL_W = 120;
const VALUE_W = 150;
const BAR_H = 18;
const BAR_GAP = 4;
const GROUP_GAP = 18;
const TOP = 56;

export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** Round up to a readable axis end (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

export function barChartSvg(chart: BarChart): string {
  const format = chart.format ?? ((v: number) => `${Math.round(v)} ${chart.unit}`);
  for (const group of chart.groups) {
    if (group.values.length !== chart.series.length) {
      throw new Error(
        `group "${group.label}" has ${group.values.length} values for ${chart.series.length} series`,
      );
    }
  }
  const all = chart.groups.flatMap((g) => g.values.filter((v): v is number => v !== undefined));
  const max = niceMax(Math.max(0, ...all));
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const groupH = chart.series.length * (BAR_H + BAR_GAP) - BAR_GAP;
  const legendY = TOP + chart.groups.length * (groupH + GROUP_GAP) + 10;
  const height = legendY + chart.series.length * 18 + 12;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LABEL_W}" y="24" font-size="15" font-weight="600" fill="#1f2328">${escapeXml(chart.title)}</text>`,
  ];
  // Axis grid: five ticks from 0 to max.
  for (let tick = 0; tick <= 4; tick += 1) {
    const x = LABEL_W + (plotW * tick) / 4;
    const value = (max * tick) / 4;
    parts.push(
      `<line x1="${x}" y1="${TOP - 8}" x2="${x}" y2="${legendY - 14}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${x}" y="${TOP - 12}" text-anchor="middle" fill="#57606a">${escapeXml(`${trim(value)} ${chart.unit}`)}</text>`,
    );
  }
  chart.groups.forEach((group, gi) => {
    const y0 = TOP + gi * (groupH + GROUP_GAP);
    parts.push(
      `<text x="${LABEL_W - 10}" y="${y0 + groupH / 2 + 4}" text-anchor="end" fill="#1f2328">${escapeXml(group.label)}</text>`,
    );
    group.values.forEach((value, si) => {
      const y = y0 + si * (BAR_H + BAR_GAP);
      const series = chart.series[si];
      if (value === undefined || series === undefined) {
        parts.push(`<text x="${LABEL_W + 4}" y="${y + 13}" fill="#57606a">not measured</text>`);
        return;
      }
      const w = Math.max(1, (plotW * value) / max);
      const suffix = group.suffixes?.[si];
      const label = suffix ? `${format(value)} ${suffix}` : format(value);
      parts.push(
        `<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${series.color}"><title>${escapeXml(`${series.name}: ${format(value)}`)}</title></rect>`,
        `<text x="${(LABEL_W + w + 6).toFixed(1)}" y="${y + 13}" fill="#1f2328">${escapeXml(label)}</text>`,
      );
    });
  });
  // One legend entry per line: no text measuring needed, never overflows.
  chart.series.forEach((series, i) => {
    const y = legendY + i * 18;
    parts.push(
      `<rect x="${LABEL_W}" y="${y}" width="12" height="12" fill="${series.color}"/>`,
      `<text x="${LABEL_W + 18}" y="${y + 10}" fill="#1f2328">${escapeXml(series.name)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
