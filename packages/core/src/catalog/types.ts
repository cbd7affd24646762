/** Shapes of the permission catalog. The data lives in resources.ts, permissions.ts, advisories.ts. */

/** The five resource APIs of Table 1, by a stable key (never by GUID alone: GUIDs are per resource). */
export type ResourceKey = "microsoft-graph" | "exchange-online" | "sharepoint" | "onenote" | "azure-ad-graph";

/** application = app role ("Role" in requiredResourceAccess); delegated = OAuth2 scope ("Scope"). */
export type PermissionKind = "application" | "delegated";

export interface Resource {
  readonly key: ResourceKey;
  /** The portal's name, e.g. "Microsoft Graph", "Office 365 Exchange Online". */
  readonly name: string;
  /** Other names people use for it, e.g. the service principal's display name. */
  readonly aliases: readonly string[];
  /** Well-known first-party appId of the resource's service principal. */
  readonly appId: string;
  /**
   * Audience for client-credentials verification tokens (`<audience>/.default`), or undefined when
   * the resource cannot be verified by an app token. `{tenant}` is replaced by the tenant's
   * SharePoint name, e.g. https://{tenant}.sharepoint.com.
   */
  readonly tokenAudience: string | undefined;
}

/** A permission named without its GUID: what profiles hold. */
export interface PermissionRef {
  readonly resource: ResourceKey;
  readonly value: string;
  readonly kind: PermissionKind;
}

export interface Permission extends PermissionRef {
  /** The GUID the real Microsoft resource uses (appRole id or oauth2PermissionScope id). */
  readonly id: string;
  /** The guide's description (Table 1). */
  readonly description: string;
  readonly adminConsentRequired: boolean;
  /** Where the GUID was looked up (public reference or dump). */
  readonly source: string;
}

export type AdvisoryId =
  | "azure-ad-graph-retired"
  | "ews-blocked"
  | "outlook-rest-decommissioned"
  | "sharepoint-acs-retired"
  | "onenote-app-only-ended";

export interface Advisory {
  readonly id: AdvisoryId;
  readonly title: string;
  /** retired: no longer works; blocked: works only after an admin action; retiring: still works, ends on `endsOn`. */
  readonly status: "retired" | "blocked" | "retiring";
  /** ISO date (YYYY-MM-DD) when the change took or takes effect. */
  readonly effectiveOn: string;
  /** ISO date of final shutdown, when later than effectiveOn. */
  readonly endsOn?: string;
  readonly affects: readonly PermissionRef[];
  readonly consequence: string;
  /** What the admin must do. May contain `{appId}`, replaced when the app is known. */
  readonly action: string;
  readonly replacement?: string;
  /** Short table marker when the status word alone would mislead, e.g. "CERTIFICATE ONLY". */
  readonly marker?: string;
  readonly source: string;
}

export interface Profile {
  readonly name: string;
  readonly description?: string;
  readonly permissions: readonly PermissionRef[];
}
