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

/**
 * Directory collections page on the server: 100 objects by default, `$top` from 1 to 999, and an
 * `@odata.nextLink` carrying every original query option plus an opaque `$skiptoken`.
 * Source (MS): learn.microsoft.com/graph/paging ("the GET /users endpoint returns a default of 100
 * results"; "@odata.nextLink ... contains a URL to the next page"; "the URL also includes all the other
 * query parameters present in the original request"); page bounds and message from a Microsoft answer
 * (learn.microsoft.com/answers/questions/1129204: "Invalid page size specified: '1000'. Must be between 1
 * and 999 inclusive.") and the msgraph-sdk-powershell maintainers (PR 1230: "in AzureAD (users, groups,
 * devices, etc.), the default is page size 100 and max 999").
 */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;

function pageSize(query: URLSearchParams): number {
  const raw = query.get("$top");
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const top = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || top < 1 || top > MAX_PAGE_SIZE) {
    throw new GraphError(
      400,
      "Request_UnsupportedQuery",
      `Invalid page size specified: '${raw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
    );
  }
  return top;
}

const SKIP_PREFIX = "sbx1:";

/** `$skiptoken` is opaque to clients (Graph's look like `RFNwdAIAAQAAAD8...`); ours encode an offset. */
export function skipToken(offset: number): string {
  return Buffer.from(`${SKIP_PREFIX}${offset}`).toString("base64url");
}

function offsetOf(query: URLSearchParams): number {
  const token = query.get("$skiptoken");
  if (token === null) return 0;
  const text = Buffer.from(token, "base64url").toString("utf8");
  const offset = Number(text.slice(SKIP_PREFIX.length));
  if (!text.startsWith(SKIP_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw new GraphError(400, "Request_UnsupportedQuery", "The specified page token value is invalid.");
  }
  return offset;
}

function nextLink(selfUrl: string, query: URLSearchParams, offset: number): string {
  const parts: string[] = [];
  query.forEach((value, key) => {
    if (key.toLowerCase() !== "$skiptoken") parts.push(`${key}=${encodeURIComponent(value)}`);
  });
  parts.push(`$skiptoken=${skipToken(offset)}`);
  return `${selfUrl}?${parts.join("&")}`;
}

/**
 * A collection response: `$filter`, then a page, then `$select`. Pass the request so the page can
 * link to the next one; a bare query (older callers) pages the same but cannot link, so it returns the
 * whole filtered set up to `$top` as before.
 */
export function list(
  context: string,
  items: Record<string, unknown>[],
  source: URLSearchParams | { query: URLSearchParams; selfUrl?: string },
): { status: number; body: Record<string, unknown> } {
  const query = source instanceof URLSearchParams ? source : source.query;
  const selfUrl = source instanceof URLSearchParams ? undefined : source.selfUrl;
  const clauses = parseFilter(query.get("$filter"));
  const filtered = items.filter((i) => matches(i, clauses));
  if (selfUrl === undefined) {
    const top = query.get("$top") === null ? filtered.length : pageSize(query);
    const value = filtered.slice(0, top).map((v) => select(v, query));
    return { status: 200, body: { "@odata.context": context, value } };
  }
  const size = pageSize(query);
  const offset = offsetOf(query);
  const value = filtered.slice(offset, offset + size).map((v) => select(v, query));
  const body: Record<string, unknown> = { "@odata.context": context };
  if (offset + size < filtered.length) body["@odata.nextLink"] = nextLink(selfUrl, query, offset + size);
  body.value = value;
  return { status: 200, body };
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
