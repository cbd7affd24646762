/**
 * The three states of the plan engine: what the tenant must hold (Desired), what it holds
 * (ObservedTenant, read in Graph's own shapes), and what to do about the difference (Plan).
 */
import type { Permission, ResourceKey } from "../catalog/types.js";

// ---------- Graph shapes (the subset we read and write) ----------

export interface ResourceAccess {
  readonly id: string;
  readonly type: "Role" | "Scope";
}
export interface RequiredResourceAccess {
  readonly resourceAppId: string;
  readonly resourceAccess: readonly ResourceAccess[];
}
export interface PasswordCredential {
  readonly keyId: string;
  readonly displayName: string | null;
  readonly startDateTime: string;
  readonly endDateTime: string;
  readonly hint?: string | null;
}
export interface KeyCredential {
  readonly keyId: string;
  readonly displayName: string | null;
  readonly type: string;
  readonly usage: string;
  readonly startDateTime: string;
  readonly endDateTime: string;
  /** Base64 DER; Graph returns null on reads, so re-sending existing keys needs care. */
  readonly key?: string | null;
  readonly customKeyIdentifier?: string | null;
}

export interface ObservedApplication {
  readonly id: string;
  readonly appId: string;
  readonly uniqueName: string | null;
  readonly displayName: string;
  readonly signInAudience: string;
  readonly requiredResourceAccess: readonly RequiredResourceAccess[];
  readonly passwordCredentials: readonly PasswordCredential[];
  readonly keyCredentials: readonly KeyCredential[];
  /** The application's tags; ours mark credentials not yet handed over (credentials/hand-over-marker.ts). */
  readonly tags?: readonly string[];
}

export interface ObservedResource {
  readonly key: ResourceKey;
  /** Object id of the resource's service principal in this tenant. */
  readonly id: string;
  readonly appId: string;
  readonly appRoles: readonly { readonly id: string; readonly value: string }[];
  readonly scopes: readonly { readonly id: string; readonly value: string }[];
}

export interface ObservedAssignment {
  readonly id: string;
  readonly principalId: string;
  readonly resourceId: string;
  readonly appRoleId: string;
}

export interface ObservedGrant {
  readonly id: string;
  readonly clientId: string;
  readonly resourceId: string;
  readonly consentType: "AllPrincipals" | "Principal";
  readonly principalId?: string | null;
  /** Space-separated scope values. */
  readonly scope: string;
}

export interface ObservedTenant {
  /** Resource service principals present in the tenant; a missing key means not instantiated yet. */
  readonly resources: Partial<Record<ResourceKey, ObservedResource>>;
  readonly application: ObservedApplication | undefined;
  /** Our app's service principal (enterprise app). */
  readonly servicePrincipal: { readonly id: string; readonly appId: string } | undefined;
  /** App role assignments held by our service principal. */
  readonly assignments: readonly ObservedAssignment[];
  /** Delegated grants where our service principal is the client. */
  readonly grants: readonly ObservedGrant[];
}

// ---------- Desired ----------

/** How to find the app: by the uniqueName we give it, or adopt an existing one by appId. */
export type AppKey = { readonly uniqueName: string } | { readonly appId: string };

export interface DesiredOptions {
  readonly appKey: AppKey;
  readonly displayName: string;
  /** Leave out permissions of retired APIs (see advisories). */
  readonly skipRetired?: boolean;
  /** Remove permissions the app holds that the profile does not ask for. Reported either way. */
  readonly removeExtra?: boolean;
  /** Secret wanted: add one if none made by us is valid beyond `renewWithinDays`. */
  readonly secret?: {
    readonly displayName: string;
    readonly lifetimeDays: number;
    readonly renewWithinDays: number;
  };
  /** Certificate wanted: the public part to add to keyCredentials (made by a port, not by core). */
  readonly certificate?: {
    readonly displayName: string;
    readonly derBase64: string;
    readonly thumbprint: string;
    readonly endDateTime: string;
  };
}

export interface Desired {
  readonly appKey: AppKey;
  readonly displayName: string;
  readonly signInAudience: "AzureADMyOrg";
  readonly permissions: readonly Permission[];
  readonly removeExtra: boolean;
  readonly secret: DesiredOptions["secret"];
  readonly certificate: DesiredOptions["certificate"];
}

// ---------- Plan ----------

/**
 * Actions carry everything the executor needs except ids that only exist after an earlier wave
 * (our app's appId/object id, our service principal's id): those are resolved at apply time.
 */
export type Action =
  | {
      readonly type: "upsert-application";
      readonly appKey: AppKey;
      readonly displayName: string;
      readonly requiredResourceAccess: readonly RequiredResourceAccess[];
    }
  | {
      readonly type: "upsert-resource-service-principal";
      readonly resource: ResourceKey;
      readonly appId: string;
    }
  | { readonly type: "upsert-service-principal" }
  | { readonly type: "add-password"; readonly displayName: string; readonly endDateTime: string }
  | { readonly type: "remove-password"; readonly keyId: string; readonly reason: string }
  | {
      readonly type: "add-certificate";
      readonly displayName: string;
      readonly derBase64: string;
      readonly thumbprint: string;
      readonly endDateTime: string;
    }
  | {
      readonly type: "assign-app-role";
      readonly resource: ResourceKey;
      readonly value: string;
      readonly appRoleId: string;
    }
  | {
      readonly type: "remove-app-role-assignment";
      readonly resource: ResourceKey;
      readonly value: string;
      readonly assignmentId: string;
    }
  | { readonly type: "create-grant"; readonly resource: ResourceKey; readonly scope: string }
  | {
      readonly type: "update-grant";
      readonly resource: ResourceKey;
      readonly grantId: string;
      readonly scope: string;
      readonly previousScope: string;
    };

export type ActionType = Action["type"];

/** Something found but not acted on: extra permissions kept, secrets near expiry, advisories. */
export interface Finding {
  readonly kind:
    | "extra-permission"
    | "unconsented"
    | "secret-expiring"
    | "secret-expired"
    /** A secret or certificate of ours that an interrupted run added and never handed over. */
    | "credential-unheld"
    | "advisory"
    | "missing-resource"
    /** The resource's live appRole/scope id differs from the catalog GUID (the live id is used). */
    | "id-mismatch"
    /** The resource in this tenant does not offer the permission's value (declared, not consented). */
    | "permission-not-offered";
  readonly message: string;
  readonly resource?: ResourceKey;
  readonly value?: string;
}

export interface Plan {
  readonly actions: readonly Action[];
  readonly findings: readonly Finding[];
}
