/** One row of the sandbox's Graph permission table, and the key paths rows share (permission-table.ts). */

export interface PermissionRow {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Paths after /v1.0: `{id}` is one segment, `{key}` a quoted alternate key such as `(appId='…')`. */
  readonly paths: readonly string[];
  readonly delegated: readonly string[];
  readonly application: readonly string[];
  /** Microsoft's page for the call (its permissions table). */
  readonly source: string;
}

export const DOCS = "https://learn.microsoft.com/graph/api/";

export const APP_KEYS = [
  "/applications/{id}",
  "/applications(appId={key})",
  "/applications(uniqueName={key})",
];
export const SP_KEYS = ["/servicePrincipals/{id}", "/servicePrincipals(appId={key})"];
export const under = (keys: readonly string[], tail: string) => keys.map((k) => `${k}${tail}`);
