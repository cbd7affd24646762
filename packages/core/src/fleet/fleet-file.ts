/**
 * The fleet file: which customer tenants an MSP runs Boxafe for. JSON (an array, or `{tenants: [...]}`)
 * or CSV with a header row; one entry per tenant: tenant id or domain, a label, the Boxafe version and
 * optionally the app id of an existing registration. Credentials never go into it: a column or key that
 * looks like one is refused, so a file mailed around or committed cannot leak a secret.
 */
import { z } from "zod";
import { type BoxafeVersion, DEFAULT_BOXAFE_VERSION } from "../boxafe/version.js";
import { appIdField, boxafeVersionField, tenantIdField } from "../requests/fields.js";

export interface FleetEntry {
  /** 1-based position in the file (the CSV data row, or the JSON array index + 1). */
  readonly row: number;
  /** The CSV file's line number (header and comments count, as in an editor); absent for JSON. */
  readonly line?: number;
  readonly tenant: string;
  readonly label: string;
  readonly boxafe: BoxafeVersion;
  readonly appId?: string;
}

export interface FleetFileError {
  readonly row: number | null;
  /** The CSV file's line number of `row`; absent for JSON and for problems of the whole file. */
  readonly line?: number;
  readonly field: string | null;
  readonly message: string;
}

export type FleetFileResult =
  | { readonly ok: true; readonly entries: readonly FleetEntry[] }
  | { readonly ok: false; readonly errors: readonly FleetFileError[] };

/** Anything that could carry a credential: refused as a field name wherever it appears. */
const CREDENTIAL_FIELD = /secret|password|passwd|pfx|private|key(?!word)|token|certificate|thumbprint/i;
const MAX_TENANTS = 10_000;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

const entrySchema = z.strictObject({
  tenant: tenantIdField,
  label: z
    .string()
    .trim()
    .min(1, { error: "Give the tenant a label (the customer's name), or leave the field out." })
    .max(120, { error: "A label can have at most 120 characters." })
    .refine((v) => !CONTROL.test(v), { error: "A label must not contain control characters." })
    .optional(),
  // The same values `setup --boxafe` takes: "1.7" is Boxafe 1.5 or later, not an error.
  boxafe: boxafeVersionField.optional(),
  appId: appIdField.optional(),
});

/**
 * How every fleet message names a row: `row 1 (line 2)` for CSV, since admins open the file in an
 * editor and "row 1" (the first data row) sits on line 2 under the header; `row 1` for JSON entries.
 */
export function fleetRowName(at: { readonly row: number; readonly line?: number | undefined }): string {
  return at.line === undefined ? `row ${at.row}` : `row ${at.row} (line ${at.line})`;
}

function issuesOf(at: { row: number; line?: number }, error: z.ZodError): FleetFileError[] {
  const { row } = at;
  const line = at.line === undefined ? {} : { line: at.line };
  return error.issues.flatMap((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : null;
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        row,
        ...line,
        field: key,
        message: CREDENTIAL_FIELD.test(key)
          ? "Credentials never go into a fleet file; they stay in the credential store."
          : `Unknown field "${key}"; a fleet file has tenant, label, boxafe and appId.`,
      }));
    }
    return [{ row, ...line, field, message: issue.message }];
  });
}

const COLUMN_ALIASES: Readonly<Record<string, string>> = {
  tenant: "tenant",
  tenantid: "tenant",
  domain: "tenant",
  label: "label",
  name: "label",
  boxafe: "boxafe",
  boxafeversion: "boxafe",
  appid: "appId",
  clientid: "appId",
};

/** `tenantId`, `Domain`, `client_id`...: the names people use, mapped to the file's four fields. */
function withCanonicalKeys(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [COLUMN_ALIASES[k.toLowerCase().replace(/[\s_-]/g, "")] ?? k, v]),
  );
}

/**
 * Validates parsed rows (objects) into entries, every problem named by row and field; `lines[i]` is
 * the file line of `rows[i]` when the rows come from a CSV file.
 */
export function fleetEntries(rows: readonly unknown[], lines?: readonly number[]): FleetFileResult {
  const errors: FleetFileError[] = [];
  const entries: FleetEntry[] = [];
  const seen = new Map<string, { row: number; line?: number }>();
  if (rows.length === 0)
    return { ok: false, errors: [{ row: null, field: null, message: "The fleet file lists no tenants." }] };
  if (rows.length > MAX_TENANTS) {
    return {
      ok: false,
      errors: [{ row: null, field: null, message: `A fleet file can list at most ${MAX_TENANTS} tenants.` }],
    };
  }
  rows.forEach((raw, index) => {
    const lineNumber = lines?.[index];
    const at = lineNumber === undefined ? { row: index + 1 } : { row: index + 1, line: lineNumber };
    const parsed = entrySchema.safeParse(withCanonicalKeys(raw));
    if (!parsed.success) {
      errors.push(...issuesOf(at, parsed.error));
      return;
    }
    const { tenant, label, boxafe, appId } = parsed.data;
    const key = tenant.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        ...at,
        field: "tenant",
        message: `Tenant ${tenant} is already listed in ${fleetRowName(first)}.`,
      });
      return;
    }
    seen.set(key, at);
    entries.push({
      ...at,
      tenant,
      label: label ?? tenant,
      boxafe: boxafe ?? DEFAULT_BOXAFE_VERSION,
      ...(appId ? { appId } : {}),
    });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}

/** Splits one CSV line (RFC 4180 quoting: "a, b" and "" inside quotes). */
function csvCells(line: string): string[] | undefined {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  if (quoted) return undefined;
  cells.push(cell.trim());
  return cells;
}

function parseCsv(text: string): FleetFileResult {
  const lines = text
    .split(/\r?\n/)
    .map((l, i) => ({ line: l, number: i + 1 }))
    .filter((l) => l.line.trim() !== "" && !l.line.startsWith("#"));
  const header = lines.shift();
  const headCells = header ? csvCells(header.line) : undefined;
  if (!header || !headCells)
    return {
      ok: false,
      errors: [
        {
          row: null,
          field: null,
          message: "The CSV fleet file needs a header row: tenant,label,boxafe,appId.",
        },
      ],
    };
  const columns = headCells.map((h) => COLUMN_ALIASES[h.toLowerCase().replace(/[\s_-]/g, "")] ?? h);
  const credentialColumn = columns.find(
    (c) => !Object.values(COLUMN_ALIASES).includes(c) && CREDENTIAL_FIELD.test(c),
  );
  if (credentialColumn) {
    return {
      ok: false,
      errors: [
        {
          row: null,
          field: credentialColumn,
          message: "Credentials never go into a fleet file; they stay in the credential store.",
        },
      ],
    };
  }
  if (!columns.includes("tenant")) {
    return {
      ok: false,
      errors: [
        {
          row: null,
          field: "tenant",
          message: "The CSV header has no tenant column (tenant,label,boxafe,appId).",
        },
      ],
    };
  }
  const rows: unknown[] = [];
  const rowLines: number[] = [];
  const errors: FleetFileError[] = [];
  lines.forEach((l, index) => {
    const cells = csvCells(l.line);
    if (!cells) {
      errors.push({
        row: index + 1,
        line: l.number,
        field: null,
        message: "An opening quote is never closed.",
      });
      return;
    }
    if (cells.length > columns.length) {
      errors.push({
        row: index + 1,
        line: l.number,
        field: null,
        message: `Row has ${cells.length} cells for ${columns.length} columns.`,
      });
      return;
    }
    rows.push(Object.fromEntries(columns.flatMap((c, i) => (cells[i] ? [[c, cells[i]]] : []))));
    rowLines.push(l.number);
  });
  if (errors.length > 0) return { ok: false, errors };
  return fleetEntries(rows, rowLines);
}

/** Parses a fleet file's text; JSON when it starts with `[` or `{`, CSV otherwise. */
export function parseFleetFile(text: string): FleetFileResult {
  const unmarked = text.replace(/^\uFEFF/, "");
  const trimmed = unmarked.trim();
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      return {
        ok: false,
        errors: [
          {
            row: null,
            field: null,
            message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
          },
        ],
      };
    }
    const list = Array.isArray(data) ? data : (data as { tenants?: unknown }).tenants;
    if (!Array.isArray(list)) {
      return {
        ok: false,
        errors: [
          {
            row: null,
            field: "tenants",
            message: 'A JSON fleet file is an array of tenants, or {"tenants": [...]}.',
          },
        ],
      };
    }
    return fleetEntries(list);
  }
  // Untrimmed, so line numbers match the file in an editor (blank lines at the top count there).
  return parseCsv(unmarked);
}

/** One line per problem, e.g. `row 3 (line 4), tenant: "x" is not a GUID or a domain`. */
export function formatFleetFileErrors(errors: readonly FleetFileError[]): string {
  return errors
    .map(
      (e) =>
        `${e.row === null ? "file" : fleetRowName({ row: e.row, line: e.line })}${e.field ? `, ${e.field}` : ""}: ${e.message}`,
    )
    .join("\n");
}
