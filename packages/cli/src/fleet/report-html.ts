/**
 * The fleet report an MSP opens in a browser: one self-contained HTML file (inline CSS and a few lines
 * of script, no external asset), a row per tenant with a traffic light spelled out in words, days to
 * expiry (sortable), and the fix for every problem. Rows are written as tenants finish, so the file
 * grows while memory stays flat; the summary comes last.
 */
import type { FleetCheckSummary, TenantHealth } from "@boxafe-connect/core";

const esc = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const LIGHT_TEXT = { green: "OK", amber: "Attention", red: "Action needed" } as const;
const LIGHT_RANK = { red: 0, amber: 1, green: 2 } as const;

export function htmlHead(title: string, generatedAt: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #fff; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.meta { color: #4b5563; margin: 0 0 1rem; }
.summary { display: flex; gap: .75rem; flex-wrap: wrap; margin: 0 0 1rem; padding: 0; list-style: none; }
.summary li { border: 1px solid #d0d7de; border-radius: .5rem; padding: .5rem .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
th, td { border-bottom: 1px solid #d0d7de; padding: .5rem; text-align: left; vertical-align: top; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: #0550ae; text-decoration: underline; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.light { display: inline-flex; align-items: center; gap: .4rem; font-weight: 600; white-space: nowrap; }
.light::before { content: ""; width: .8rem; height: .8rem; border-radius: 50%; border: 1px solid #1b1f24; }
.green::before { background: #1a7f37; } .amber::before { background: #d4a72c; } .red::before { background: #cf222e; }
ul.problems { margin: 0; padding-left: 1.1rem; }
.fix { color: #374151; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; background: #f3f4f6; padding: 0 .2rem; border-radius: .2rem; }
</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p class="meta">Generated ${esc(generatedAt)} by boxafe-connect fleet check, with each app's own certificate (no admin sign-in).</p>
<div id="summary"></div>
<table id="fleet">
<caption>Tenants, worst first after sorting; the fix for each problem is beside it.</caption>
<thead><tr>
<th scope="col"><button type="button" data-sort="light" aria-label="Sort by status">Status</button></th>
<th scope="col">Tenant</th>
<th scope="col" aria-sort="none"><button type="button" data-sort="days" aria-label="Sort by days to expiry">Days to expiry</button></th>
<th scope="col">Problems and fixes</th>
</tr></thead>
<tbody>
`;
}

function code(text: string): string {
  return esc(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

export function htmlRow(health: TenantHealth): string {
  const problems =
    health.problems.length === 0
      ? "None"
      : `<ul class="problems">${health.problems
          .map((p) => `<li>${esc(p.message)} <span class="fix">Fix: ${code(p.fix)}</span></li>`)
          .join("")}</ul>`;
  const days = health.daysLeft === undefined ? "" : String(health.daysLeft);
  return (
    `<tr data-light="${LIGHT_RANK[health.light]}" data-days="${health.daysLeft ?? 99999}">` +
    `<td><span class="light ${health.light}">${LIGHT_TEXT[health.light]}</span></td>` +
    `<td>${esc(health.label)}<br><small>${esc(health.tenant)}</small></td>` +
    `<td class="num">${esc(days)}</td>` +
    `<td>${problems}</td></tr>\n`
  );
}

export function htmlTail(summary: FleetCheckSummary): string {
  const counts =
    `<ul class="summary" aria-label="Summary">` +
    `<li><strong>${summary.total}</strong> tenants</li>` +
    `<li><span class="light red">${summary.lights.red} action needed</span></li>` +
    `<li><span class="light amber">${summary.lights.amber} attention</span></li>` +
    `<li><span class="light green">${summary.lights.green} OK</span></li></ul>`;
  return `</tbody>
</table>
</main>
<template id="summary-content">${counts}</template>
<script>
(() => {
  const summary = document.getElementById("summary");
  summary.replaceWith(document.getElementById("summary-content").content.cloneNode(true));
  const body = document.querySelector("#fleet tbody");
  const sortBy = (key) => {
    const rows = [...body.rows];
    rows.sort((a, b) => Number(a.dataset[key]) - Number(b.dataset[key]) || Number(a.dataset.light) - Number(b.dataset.light));
    body.append(...rows);
    for (const th of document.querySelectorAll("#fleet th")) th.removeAttribute("aria-sort");
    document.querySelector('[data-sort="' + key + '"]').closest("th").setAttribute("aria-sort", "ascending");
  };
  for (const button of document.querySelectorAll("#fleet th button")) button.addEventListener("click", () => sortBy(button.dataset.sort));
  sortBy("light");
})();
</script>
</body>
</html>
`;
}
