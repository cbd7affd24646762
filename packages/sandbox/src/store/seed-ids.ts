/** Resource app ids and the row shapes of the seed tables. */

/** [value, id, displayName] for app roles; [value, id, displayName, "Admin" | "User"] for scopes. */
export type RoleRow = readonly [string, string, string];
export type ScopeRow = readonly [string, string, string, "Admin" | "User"];

export interface ResourceSeed {
  key: "graph" | "exchange" | "sharepoint" | "onenote" | "aadgraph";
  appId: string;
  spId: string;
  displayName: string;
  /** Token audiences this resource answers to (besides its appId). */
  audiences: string[];
  roles: readonly RoleRow[];
  scopes: readonly ScopeRow[];
  /** Real descriptions by role or scope id, where the seed comes from a service principal dump. */
  descriptions?: ReadonlyMap<string, string>;
}

export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
export const EXCHANGE_APP_ID = "00000002-0000-0ff1-ce00-000000000000";
export const SHAREPOINT_APP_ID = "00000003-0000-0ff1-ce00-000000000000";
export const ONENOTE_APP_ID = "2d4d3d8e-2be3-4bef-9f87-7875a61c29de";
export const AAD_GRAPH_APP_ID = "00000002-0000-0000-c000-000000000000";
