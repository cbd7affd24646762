/**
 * Partner API keys. A deployment configures only SHA-256 digests (never a key), each with a name
 * (what the logs and limits call the partner) and the routes it may call. Keys travel in the
 * `X-Api-Key` header, so the delegated routes keep `Authorization: Bearer <Graph token>` for the
 * admin's token. Pure: WebCrypto only, so it runs unchanged on Node and in workerd.
 */
import { CoreError } from "@boxafe-connect/core";

/** The header partners send their key in (Authorization stays free for the admin's Graph token). */
export const API_KEY_HEADER = "X-Api-Key";

/** Routes a key can be allowed; everything else is open (catalog, health, docs) or does not exist. */
export const PROTECTED_ROUTES = [
  "/v1/verify",
  "/v1/prove",
  "/v1/plan",
  "/v1/preflight",
  "/v1/setup",
] as const;
export type ProtectedRoute = (typeof PROTECTED_ROUTES)[number];

export interface ApiKey {
  /** Shown in limits and errors; never a secret. */
  readonly name: string;
  /** SHA-256 of the key's UTF-8 bytes. */
  readonly digest: Uint8Array;
  readonly routes: ReadonlySet<ProtectedRoute>;
}

const NAME = /^[A-Za-z0-9._-]{1,64}$/;
const HEX_DIGEST = /^[0-9a-f]{64}$/;
/** Keys are random printable tokens; anything longer or odder is refused before hashing. */
const KEY = /^[\x21-\x7e]{16,256}$/;

function invalid(field: string, message: string): CoreError {
  return new CoreError("invalid_input", `API_KEYS: ${message}`, { field });
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Parses the `API_KEYS` setting: a JSON array of `{name, sha256, routes}`, e.g.
 * `[{"name":"boxafe","sha256":"<64 hex>","routes":["/v1/verify"]}]`. Unset or empty = no keys
 * (every protected route then answers 401). Anything malformed throws, naming the entry, so a
 * deployment with a typo fails at start instead of silently locking partners out.
 */
export function parseApiKeys(setting: string | undefined): readonly ApiKey[] {
  if (setting === undefined || setting.trim() === "") return [];
  let raw: unknown;
  try {
    raw = JSON.parse(setting);
  } catch {
    throw invalid("API_KEYS", "must be a JSON array of {name, sha256, routes}.");
  }
  if (!Array.isArray(raw)) throw invalid("API_KEYS", "must be a JSON array of {name, sha256, routes}.");
  const names = new Set<string>();
  const digests = new Set<string>();
  return raw.map((entry: unknown, i): ApiKey => {
    const at = `API_KEYS[${i}]`;
    if (typeof entry !== "object" || entry === null) throw invalid(at, `${at} must be an object.`);
    const { name, sha256, routes } = entry as Record<string, unknown>;
    if (typeof name !== "string" || !NAME.test(name)) {
      throw invalid(`${at}.name`, `${at}.name must be 1-64 letters, digits, dot, dash or underscore.`);
    }
    if (names.has(name)) throw invalid(`${at}.name`, `${at}.name "${name}" is given twice.`);
    names.add(name);
    if (typeof sha256 !== "string" || !HEX_DIGEST.test(sha256.toLowerCase())) {
      throw invalid(`${at}.sha256`, `${at}.sha256 must be the key's SHA-256 as 64 hex digits.`);
    }
    if (digests.has(sha256.toLowerCase())) throw invalid(`${at}.sha256`, `${at}.sha256 is given twice.`);
    digests.add(sha256.toLowerCase());
    if (!Array.isArray(routes) || routes.length === 0) {
      throw invalid(`${at}.routes`, `${at}.routes must list some of ${PROTECTED_ROUTES.join(", ")}.`);
    }
    const allowed = new Set<ProtectedRoute>();
    for (const route of routes) {
      const known = PROTECTED_ROUTES.find((r) => r === route);
      if (known === undefined) {
        throw invalid(`${at}.routes`, `${at}.routes may only list ${PROTECTED_ROUTES.join(", ")}.`);
      }
      allowed.add(known);
    }
    return { name, digest: hexToBytes(sha256.toLowerCase()), routes: allowed };
  });
}

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

export async function sha256Hex(text: string): Promise<string> {
  return [...(await sha256(text))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Equal-length byte comparison that reads every byte, whatever differs first. */
function sameDigest(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * The configured key whose digest matches the presented key, or undefined. Every configured
 * digest is compared in full (no early exit), so the time taken says nothing about which key
 * or how many bytes matched.
 */
export async function findApiKey(
  keys: readonly ApiKey[],
  presented: string | undefined,
): Promise<ApiKey | undefined> {
  if (presented === undefined || !KEY.test(presented)) return undefined;
  const digest = await sha256(presented);
  let found: ApiKey | undefined;
  for (const key of keys) {
    if (sameDigest(key.digest, digest) && found === undefined) found = key;
  }
  return found;
}

/** A new random key (32 bytes, base64url) and the setting entry that admits it. */
export async function newApiKey(
  name: string,
  routes: readonly ProtectedRoute[] = PROTECTED_ROUTES,
): Promise<{ key: string; entry: { name: string; sha256: string; routes: ProtectedRoute[] } }> {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const key = `bxc_${btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
  return { key, entry: { name, sha256: await sha256Hex(key), routes: [...routes] } };
}
