/** The fleet report as CSV (one row per tenant, problems joined), for spreadsheets and ticketing imports. */
import type { TenantHealth } from "@boxafe-connect/core";

const cell = (value: string | number | undefined): string => {
  const text = value === undefined ? "" : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: quote it behind an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const CSV_HEADER = "row,tenant,label,status,tenantId,clientId,daysLeft,expiresAt,problems,fixes\n";

export function csvRow(h: TenantHealth): string {
  return `${[
    h.row,
    h.tenant,
    h.label,
    h.light,
    h.tenantId,
    h.clientId,
    h.daysLeft,
    h.expiresAt,
    h.problems.map((p) => p.message).join(" | "),
    h.problems.map((p) => p.fix).join(" | "),
  ]
    .map(cell)
    .join(",")}\n`;
}
