/** The sandbox tenant's fixed identity: ids never change so tests and docs can name them. */

export const TENANT_ID = "6f1d3c2a-8b4e-4d5f-9a7b-2c3e4f5a6b7c";
export const TENANT_DOMAIN = "contoso.onmicrosoft.com";
export const TENANT_NAME = "Contoso";
export const SHAREPOINT_NAME = "contoso";

/** Directory role template ids (the values Entra puts in `wids`). */
export const ROLE = {
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
  privilegedRoleAdministrator: "e8611ab8-c189-46e8-94e1-60213ab1f814",
  applicationAdministrator: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
  cloudApplicationAdministrator: "158c047a-c907-4556-b7ef-446551a6b5f7",
  /** Every member user carries the default "User" role template in `wids`. */
  defaultUser: "b79fbf4d-3ef9-4689-8143-76b194e85509",
} as const;

export const ROLE_NAMES: Record<string, string> = {
  [ROLE.globalAdministrator]: "Global Administrator",
  [ROLE.privilegedRoleAdministrator]: "Privileged Role Administrator",
  [ROLE.applicationAdministrator]: "Application Administrator",
  [ROLE.cloudApplicationAdministrator]: "Cloud Application Administrator",
};

export interface SeedUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly roles: readonly string[];
}

/** Who a sandbox tenant is: its ids, names and seeded users. Every route reads it from the directory. */
export interface TenantIdentity {
  readonly id: string;
  readonly domain: string;
  readonly name: string;
  /** The `{name}` of `https://{name}.sharepoint.com` (the initial domain's prefix). */
  readonly sharePointName: string;
  readonly users: readonly SeedUser[];
}

export const SEED_USERS = [
  {
    id: "a0000001-0000-4000-8000-000000000001",
    userPrincipalName: `admin@${TENANT_DOMAIN}`,
    displayName: "Adele Admin",
    roles: [ROLE.globalAdministrator],
  },
  {
    id: "a0000001-0000-4000-8000-000000000002",
    userPrincipalName: `pra@${TENANT_DOMAIN}`,
    displayName: "Pradeep Role-Admin",
    roles: [ROLE.privilegedRoleAdministrator],
  },
  {
    id: "a0000001-0000-4000-8000-000000000003",
    userPrincipalName: `appadmin@${TENANT_DOMAIN}`,
    displayName: "Alex App-Admin",
    roles: [ROLE.applicationAdministrator],
  },
  {
    id: "a0000001-0000-4000-8000-000000000004",
    userPrincipalName: `user@${TENANT_DOMAIN}`,
    displayName: "Uma User",
    roles: [],
  },
] as const;

/** Microsoft Graph Command Line Tools, the first-party public client (graph-facts section 4). */
export const GRAPH_CLI_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
/** The sandbox's pre-registered public SPA client for the web UI (redirects to any localhost port). */
export const SANDBOX_WEB_CLIENT_ID = "5b0c3d1e-7a2f-4c8b-9e6d-0f1a2b3c4d5e";

export const PUBLIC_CLIENTS: Record<string, { displayName: string; kinds: ("spa" | "native")[] }> = {
  // Connect-ExchangeOnline's public client; see store/exchange-ids.ts. It signs in by device code too:
  // Connect-ExchangeOnline -Device (learn.microsoft.com/powershell/module/exchange/connect-exchangeonline),
  // which the web page's server uses for its EWS step (packages/web/server/ews-allow.ts).
  "fb78d390-0c51-40cd-8e17-fdbfab77341b": {
    displayName: "Microsoft Exchange REST API Based Powershell",
    kinds: ["native"],
  },
  [GRAPH_CLI_CLIENT_ID]: { displayName: "Microsoft Graph Command Line Tools", kinds: ["native"] },
  [SANDBOX_WEB_CLIENT_ID]: { displayName: "boxafe-connect web (sandbox)", kinds: ["spa", "native"] },
};

/** Role template ids the policy reads and app registration rules name (Entra built-in roles reference). */
export const POLICY_ROLE = {
  applicationDeveloper: "cf1c38e5-3621-4004-a7cb-879624dced7c",
  globalReader: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
  securityReader: "5d6b6bb7-de71-4623-b4af-96380a352509",
  securityAdministrator: "194ae4cb-b126-40b2-bd5b-6091b380977d",
  securityOperator: "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f",
  conditionalAccessAdministrator: "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
} as const;

/** The embedded sandbox's tenant (Contoso): fixed ids so tests and docs can name them. */
export const DEFAULT_TENANT: TenantIdentity = {
  id: TENANT_ID,
  domain: TENANT_DOMAIN,
  name: TENANT_NAME,
  sharePointName: SHAREPOINT_NAME,
  users: SEED_USERS,
};
