/**
 * The permission table as the portal shows it: one block per API with its count, then a row per
 * permission (value, type, description, admin consent, status), and the advisories' actions below.
 */
import type { Advisory, PermissionsView } from "@boxafe-connect/core";
import { advisories, advisoryMarker } from "@boxafe-connect/core";
import type { Style } from "../style.js";
import { createStyle } from "../style.js";

const HEADERS = ["PERMISSION", "TYPE", "DESCRIPTION", "ADMIN CONSENT", "STATUS"] as const;

function advisoryById(id: string): Advisory | undefined {
  return advisories.find((advisory) => advisory.id === id);
}

function statusOf(ids: readonly string[]): string {
  return ids
    .map(advisoryById)
    .filter((advisory): advisory is Advisory => advisory !== undefined)
    .map(advisoryMarker)
    .join("; ");
}

function paint(style: Style, status: string): string {
  if (status.startsWith("RETIRED")) return style.red(status);
  return status === "" ? status : style.yellow(status);
}

export interface TableOptions {
  /** ANSI colour; off unless the caller asks (TTY without NO_COLOR). */
  readonly color?: boolean;
}

export function renderPermissionsTable(view: PermissionsView, options: TableOptions = {}): string {
  const style = createStyle(options.color === true);
  const rows = view.resources.flatMap((resource) =>
    resource.permissions.map((p) => [
      p.value,
      p.kind === "application" ? "Application" : "Delegated",
      p.description,
      p.adminConsentRequired ? "Yes" : "-",
      statusOf(p.advisories.map((a) => a.id)),
    ]),
  );
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[], last: (text: string) => string = (t) => t): string => {
    const padded = cells.map((cell, i) =>
      i === cells.length - 1 ? last(cell) : cell.padEnd(widths[i] ?? 0),
    );
    return `  ${padded.join("  ")}`.trimEnd();
  };

  const out: string[] = [];
  let index = 0;
  for (const resource of view.resources) {
    out.push(style.bold(`${resource.name} (${resource.permissions.length})`));
    out.push(style.dim(line(HEADERS)));
    for (const _ of resource.permissions) {
      const row = rows[index++] ?? [];
      out.push(line(row, (status) => paint(style, status)));
    }
    out.push("");
  }

  const total = rows.length;
  out.push(
    `${total} permission${total === 1 ? "" : "s"} across ${view.resources.length} APIs (profile ${view.profile}).`,
  );
  const retired = rows.filter((row) => (row[4] ?? "").startsWith("RETIRED")).length;
  if (retired > 0) out.push(`${retired} belong to retired APIs; --skip-retired leaves them out.`);

  const seen = new Set(
    view.resources.flatMap((r) => r.permissions.flatMap((p) => p.advisories.map((a) => a.id))),
  );
  const notes = advisories.filter((advisory) => seen.has(advisory.id));
  if (notes.length > 0) {
    out.push("", style.bold("Advisories"));
    for (const advisory of notes) {
      const viewAction = view.resources
        .flatMap((r) => r.permissions.flatMap((p) => p.advisories))
        .find((a) => a.id === advisory.id)?.action;
      out.push(`  ${paint(style, advisoryMarker(advisory))}  ${advisory.title}.`);
      out.push(`    ${advisory.consequence}`);
      // The view fills {appId} when the app is known; otherwise name the value the admin must paste.
      const action = (viewAction ?? advisory.action).replaceAll("{appId}", "<Application (client) ID>");
      out.push(`    What to do: ${action}`);
    }
  }
  return `${out.join("\n")}\n`;
}
