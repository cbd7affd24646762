/**
 * Authorization by Microsoft's per-call permission tables (permission-table.ts): the caller's `scp`
 * (delegated) or `roles` (app-only) must hold one listed entry, else 403 Authorization_RequestDenied
 * "Insufficient privileges to complete the operation." (the body Graph sends; sample in GDC
 * `concepts/json-batching.md`, graph-facts.md 2.x).
 *
 * A `.ReadWrite.` permission also satisfies the matching `.Read.` one inside a combination such as
 * "AppRoleAssignment.ReadWrite.All and Application.Read.All": the permissions reference describes each
 * ReadWrite permission as read plus write, the tables list ReadWrite as the higher privilege of Read, and
 * real tools grant app roles with exactly Application.ReadWrite.All + AppRoleAssignment.ReadWrite.All
 * (rubrikinc/polaris-o365-powershell `New-EnterpriseApplication.ps1`, graph-facts.md 2.4).
 */
import { graphErrors } from "./errors.js";
import { PERMISSION_TABLE, type PermissionRow } from "./permission-table.js";
import type { Caller } from "./types.js";

interface CompiledRow {
  row: PermissionRow;
  patterns: RegExp[];
}

function compile(path: string): RegExp {
  const escaped = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  const source = escaped.replace(/\{id\}/g, "[^/()]+").replace(/\{key\}/g, "'(?:[^']|'')*'");
  return new RegExp(`^${source}/?$`, "i");
}

const COMPILED: CompiledRow[] = PERMISSION_TABLE.map((row) => ({ row, patterns: row.paths.map(compile) }));

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The table row for a method and a path after /v1.0 (tenant segment already removed), if any. */
export function permissionRow(method: string, path: string): PermissionRow | undefined {
  const m = method.toUpperCase();
  const p = decoded(path.split("?")[0] ?? path);
  return COMPILED.find((c) => c.row.method === m && c.patterns.some((re) => re.test(p)))?.row;
}

function heldSet(caller: Caller): Set<string> {
  const held = new Set<string>();
  for (const p of caller.kind === "user" ? caller.scopes : caller.roles) {
    const lower = p.toLowerCase();
    held.add(lower);
    if (lower.includes(".readwrite.")) held.add(lower.replace(".readwrite.", ".read."));
  }
  return held;
}

/** True when the caller holds one entry of the row's list for its kind of token. */
export function allowedBy(caller: Caller, row: PermissionRow): boolean {
  const entries = caller.kind === "user" ? row.delegated : row.application;
  const held = heldSet(caller);
  return entries.some(
    (entry) =>
      entry === "none" ||
      entry
        .split(/\s+and\s+/i)
        .map((p) => p.trim().toLowerCase())
        .every((p) => held.has(p)),
  );
}

export function requireRow(caller: Caller, row: PermissionRow): void {
  if (!allowedBy(caller, row)) throw graphErrors.denied();
}
