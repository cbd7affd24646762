/** Delegated grant scope strings: space-separated scope values, compared as sets. */

/** OpenID Connect scopes lead, as consent screens list them; the rest follow in ordinal order. */
const OIDC_ORDER = ["openid", "profile", "email", "offline_access"] as const;

function rank(scope: string): number {
  const index = (OIDC_ORDER as readonly string[]).indexOf(scope);
  return index === -1 ? OIDC_ORDER.length : index;
}

export function splitScopes(scope: string | null | undefined): string[] {
  return (scope ?? "").split(/\s+/).filter((part) => part !== "");
}

/** Deterministic order (independent of locale and input order), duplicates dropped. */
export function sortScopes(scopes: Iterable<string>): string[] {
  return [...new Set(scopes)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function joinScopes(scopes: Iterable<string>): string {
  return sortScopes(scopes).join(" ");
}

export function sameScopeSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((scope) => right.has(scope));
}
