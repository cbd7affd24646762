/**
 * The baseline: a sequential executor written the way the common tools set up an app (CLI for
 * Microsoft 365 `entra app add --apisApplication --apisDelegated --grantAdminConsent --withSecret`,
 * Azure CLI `az ad app create` + `sp create` + `credential reset` + one `az rest` per assignment):
 * one lookup per resource service principal, POST /applications, POST /servicePrincipals (retried
 * on replication lag, as Azure CLI's create-for-rbac does), addPassword, one POST per app role
 * assignment, one POST per delegated grant. No batching, one request at a time.
 */
import { type GraphHttp, type GraphHttpResponse, graphError } from "./graph-http.js";

/** One resource API and the permission values wanted from it, as `--apisApplication/--apisDelegated` name them. */
export interface BaselineApi {
  readonly resourceAppId: string;
  readonly application: readonly string[];
  readonly delegated: readonly string[];
}

export interface BaselineInput {
  readonly displayName: string;
  readonly apis: readonly BaselineApi[];
  readonly secretDisplayName: string;
  readonly secretEndDateTime: string;
  /** Wait between retries of POST /servicePrincipals on lag. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly lagRetryMs?: number;
  readonly lagRetries?: number;
}

export interface BaselineResult {
  readonly application: { readonly id: string; readonly appId: string };
  readonly servicePrincipalId: string;
  readonly secretText: string;
  /** Every request is its own round trip: requests === roundTrips. */
  readonly requests: number;
  readonly roundTrips: number;
  readonly lagRetries: number;
}

interface ResourceSp {
  readonly id: string;
  readonly appId: string;
  readonly appRoles: readonly { id: string; value: string }[];
  readonly oauth2PermissionScopes: readonly { id: string; value: string }[];
}

function expectOk(response: GraphHttpResponse, what: string): unknown {
  if (response.status >= 200 && response.status < 300) return response.body;
  const error = graphError(response.body);
  throw new Error(`baseline: ${what} failed with ${response.status} ${error.code}: ${error.message}`);
}

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== "string") throw new Error(`baseline: response has no "${name}"`);
  return value;
}

/** NoBackingApplicationObject / not-yet-replicated errors, the strings Azure CLI and Terraform retry. */
export function isReplicationLag(response: GraphHttpResponse): boolean {
  if (response.status !== 400 && response.status !== 403 && response.status !== 404) return false;
  const { code, message } = graphError(response.body);
  const details = JSON.stringify(response.body ?? "");
  return (
    details.includes("NoBackingApplicationObject") ||
    code === "Request_ResourceNotFound" ||
    / does not reference | does not exist |must in the local tenant/.test(` ${message} `)
  );
}

export async function runBaseline(graph: GraphHttp, input: BaselineInput): Promise<BaselineResult> {
  const start = graph.count;
  const select = "$select=id,appId,appRoles,oauth2PermissionScopes";
  // 1. One lookup per resource, one after another (the resource must exist, or the tool stops).
  const resources = new Map<string, ResourceSp>();
  for (const api of input.apis) {
    const filter = `$filter=${encodeURIComponent(`appId eq '${api.resourceAppId}'`)}`;
    const body = expectOk(
      await graph.request("GET", `/servicePrincipals?${filter}&${select}`),
      `lookup of resource ${api.resourceAppId}`,
    ) as { value?: ResourceSp[] };
    let sp = body.value?.[0];
    if (!sp) {
      // The tenant has never used this API: instantiate its service principal, as `az ad sp create --id` would.
      sp = expectOk(
        await graph.request("POST", "/servicePrincipals", { appId: api.resourceAppId }),
        `create resource service principal ${api.resourceAppId}`,
      ) as ResourceSp;
    }
    resources.set(api.resourceAppId, sp);
  }
  const idOf = (sp: ResourceSp, value: string, kind: "Role" | "Scope"): string => {
    const list = kind === "Role" ? sp.appRoles : sp.oauth2PermissionScopes;
    const found = list.find((p) => p.value === value);
    if (!found) throw new Error(`baseline: permission ${value} for service principal ${sp.appId} not found`);
    return found.id;
  };
  const requiredResourceAccess = input.apis.map((api) => {
    const sp = resources.get(api.resourceAppId) as ResourceSp;
    return {
      resourceAppId: api.resourceAppId,
      resourceAccess: [
        ...api.application.map((value) => ({ id: idOf(sp, value, "Role"), type: "Role" })),
        ...api.delegated.map((value) => ({ id: idOf(sp, value, "Scope"), type: "Scope" })),
      ],
    };
  });
  // 2. The application.
  const app = expectOk(
    await graph.request("POST", "/applications", {
      displayName: input.displayName,
      signInAudience: "AzureADMyOrg",
      requiredResourceAccess,
    }),
    "POST /applications",
  );
  const application = { id: field(app, "id"), appId: field(app, "appId") };
  // 3. Its service principal, retried while the new application has not replicated.
  let lagRetries = 0;
  let spResponse = await graph.request("POST", "/servicePrincipals", { appId: application.appId });
  while (isReplicationLag(spResponse) && lagRetries < (input.lagRetries ?? 36)) {
    lagRetries += 1;
    await input.sleep(input.lagRetryMs ?? 1000);
    spResponse = await graph.request("POST", "/servicePrincipals", { appId: application.appId });
  }
  const servicePrincipalId = field(expectOk(spResponse, "POST /servicePrincipals"), "id");
  // 4. The secret.
  const password = expectOk(
    await graph.request("POST", `/applications/${application.id}/addPassword`, {
      passwordCredential: { displayName: input.secretDisplayName, endDateTime: input.secretEndDateTime },
    }),
    "addPassword",
  );
  const secretText = field(password, "secretText");
  // 5. One POST per application permission.
  for (const api of input.apis) {
    const resource = resources.get(api.resourceAppId) as ResourceSp;
    for (const value of api.application) {
      expectOk(
        await graph.request("POST", `/servicePrincipals/${servicePrincipalId}/appRoleAssignments`, {
          principalId: servicePrincipalId,
          resourceId: resource.id,
          appRoleId: idOf(resource, value, "Role"),
        }),
        `app role assignment ${value}`,
      );
    }
  }
  // 6. One POST per resource with delegated scopes (tenant-wide admin consent).
  for (const api of input.apis) {
    if (api.delegated.length === 0) continue;
    const resource = resources.get(api.resourceAppId) as ResourceSp;
    expectOk(
      await graph.request("POST", "/oauth2PermissionGrants", {
        clientId: servicePrincipalId,
        consentType: "AllPrincipals",
        resourceId: resource.id,
        scope: api.delegated.join(" "),
      }),
      `delegated grant for ${api.resourceAppId}`,
    );
  }
  const requests = graph.count - start;
  return { application, servicePrincipalId, secretText, requests, roundTrips: requests, lagRetries };
}
