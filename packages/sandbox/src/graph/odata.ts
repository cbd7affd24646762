import { GraphError, graphErrors } from "./errors.js";

type Clause =
  | { kind: "eq"; prop: string; value: string }
  | { kind: "startswith"; prop: string; value: string };

function unquote(raw: string): string {
  return raw.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
}

/** The `$filter` subset the tool uses: `a eq 'x'`, `startswith(a,'x')`, joined with `and`. */
export function parseFilter(filter: string | null): Clause[] {
  if (!filter) return [];
  return filter.split(/\s+and\s+/i).map((part) => {
    const eq = /^\s*([A-Za-z]+)\s+eq\s+('(?:[^']|'')*'|[0-9a-fA-F-]{36}|true|false|null)\s*$/.exec(part);
    if (eq?.[1] && eq[2]) return { kind: "eq", prop: eq[1], value: unquote(eq[2]) };
    const sw = /^\s*startswith\(\s*([A-Za-z]+)\s*,\s*('(?:[^']|'')*')\s*\)\s*$/i.exec(part);
    if (sw?.[1] && sw[2]) return { kind: "startswith", prop: sw[1], value: unquote(sw[2]) };
    throw new GraphError(
      400,
      "Request_UnsupportedQuery",
      `Unsupported or invalid query filter clause specified for property '${part.trim()}'.`,
    );
  });
}

export function matches(obj: Record<string, unknown>, clauses: Clause[]): boolean {
  return clauses.every((c) => {
    const v = obj[c.prop];
    const s = v === null || v === undefined ? "null" : String(v);
    return c.kind === "eq"
      ? s.toLowerCase() === c.value.toLowerCase()
      : s.toLowerCase().startsWith(c.value.toLowerCase());
  });
}

export function select(obj: Record<string, unknown>, query: URLSearchParams): Record<string, unknown> {
  const sel = query.get("$select");
  if (!sel) return obj;
  const out: Record<string, unknown> = {};
  for (const key of sel.split(",").map((s) => s.trim())) {
    if (key in obj) out[key] = obj[key];
  }
  return out;
}

export function list(
  context: string,
  items: Record<string, unknown>[],
  query: URLSearchParams,
): { status: number; body: Record<string, unknown> } {
  const clauses = parseFilter(query.get("$filter"));
  let value = items.filter((i) => matches(i, clauses));
  const top = Number(query.get("$top") ?? "0");
  if (top > 0) value = value.slice(0, top);
  return { status: 200, body: { "@odata.context": context, value: value.map((v) => select(v, query)) } };
}

export type Key = { kind: "id"; value: string } | { kind: "appId" | "uniqueName"; value: string };

/** `applications(uniqueName='x')` or `applications` + next segment as id. */
export function splitKey(segment: string): { name: string; key?: Key } {
  const m = /^([A-Za-z$]+)\((?:(appId|uniqueName)=)?'?([^')]*)'?\)$/.exec(segment);
  if (!m?.[1]) return { name: segment };
  const kind = (m[2] ?? "id") as Key["kind"];
  return { name: m[1], key: { kind, value: decodeURIComponent(m[3] ?? "") } };
}

export function keyText(key: Key): string {
  return key.kind === "id" ? key.value : `${key.kind}='${key.value}'`;
}

export function requireObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw graphErrors.badRequest(
      "Write requests (excluding DELETE) must contain the Content-Type header declaration.",
    );
  }
  return body as Record<string, unknown>;
}
