/**
 * One silent token acquisition at a time per scope set. After a reload every Graph call the page starts
 * at once asks msal for a token; msal-browser does not join concurrent acquireTokenSilent calls, so each
 * one that misses the cache posts the refresh token on its own. Entra allows that (wastefully, and it can
 * throttle); a single-use refresh token (the sandbox, stricter on purpose) is then lost to whichever
 * request the reload cuts short. Callers of the same scope set share the one request in flight.
 */

/** The scope set's key: order and duplicates do not make a different token. */
export function scopeKey(scopes: readonly string[]): string {
  return [...new Set(scopes.map((s) => s.toLowerCase()))].sort().join(" ");
}

/** Whether a token for `granted` also carries every scope in `wanted`. */
export function covers(granted: readonly string[], wanted: readonly string[]): boolean {
  const have = new Set(granted.map((s) => s.toLowerCase()));
  return wanted.every((s) => have.has(s.toLowerCase()));
}

export interface TokenSource {
  /** A token for `scopes`: joins the acquisition already in flight for the same set, if any. */
  token(scopes: readonly string[]): Promise<string>;
}

export function tokenSource(acquire: (scopes: string[]) => Promise<string>): TokenSource {
  const inFlight = new Map<string, Promise<string>>();
  return {
    token(scopes) {
      const key = scopeKey(scopes);
      const running = inFlight.get(key);
      if (running) return running;
      // Forgotten once settled: the next call after this one asks msal again (its cache answers when fresh).
      const started = acquire([...scopes]).finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
  };
}
