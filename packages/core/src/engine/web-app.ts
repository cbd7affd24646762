/**
 * The single-page app the web UI signs in with on a real tenant: SPA redirect URIs and the three
 * delegated Microsoft Graph scopes the setup needs (docs/graph-facts.md 2.4). One upsert by uniqueName,
 * so a re-run updates the same registration.
 */
import { CoreError } from "../errors.js";
import { type GraphDeps, runRequests, startBudget } from "../graph/batch-runner.js";
import { uniqueNameFor } from "../tenant/unique-name.js";
import { obj, s } from "./graph-shapes.js";
import { applicationPath, CREATE_IF_MISSING } from "./paths.js";

const MICROSOFT_GRAPH = "00000003-0000-0000-c000-000000000000";

/** Delegated Graph scopes (oauth2PermissionScope ids) the web setup asks for. */
export const WEB_APP_SCOPES = [
  { value: "Application.ReadWrite.All", id: "bdfbf15f-ee85-4955-8675-146e8e5296b5" },
  { value: "AppRoleAssignment.ReadWrite.All", id: "84bccea3-f856-4a8a-967b-dbe0a3d53a64" },
  { value: "DelegatedPermissionGrant.ReadWrite.All", id: "41ce6ca6-6826-4807-84f1-1c82854f7ee5" },
  { value: "User.Read", id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d" },
] as const;

export interface WebAppInput {
  readonly displayName: string;
  readonly redirectUris: readonly string[];
}

export interface WebAppResult {
  readonly id: string;
  readonly appId: string;
  readonly uniqueName: string;
  readonly redirectUris: readonly string[];
  readonly scopes: readonly string[];
}

/** SPA redirect URIs must be https, or http on localhost (Entra's rule for loopback). */
export function checkRedirectUris(uris: readonly string[]): string[] {
  if (uris.length === 0) {
    throw new CoreError("invalid_input", "Give at least one redirect URI (where the web UI is served).", {
      field: "redirectUris",
    });
  }
  return uris.map((raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new CoreError("invalid_input", `"${raw}" is not a URL, e.g. https://nas.example.com/connect/.`, {
        field: "redirectUris",
      });
    }
    const loopback = url.hostname === "localhost" || url.hostname === "127.0.0.1";
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      throw new CoreError("invalid_input", `"${raw}" must use https:// (http:// only for localhost).`, {
        field: "redirectUris",
      });
    }
    return url.toString();
  });
}

export async function registerWebApp(deps: GraphDeps, input: WebAppInput): Promise<WebAppResult> {
  const redirectUris = checkRedirectUris(input.redirectUris);
  const uniqueName = uniqueNameFor(input.displayName);
  const path = applicationPath({ uniqueName });
  const budget = startBudget(deps);
  const results = await runRequests(
    deps,
    [
      {
        id: "web-app",
        method: "PATCH",
        url: path,
        headers: CREATE_IF_MISSING,
        body: {
          displayName: input.displayName,
          signInAudience: "AzureADMyOrg",
          spa: { redirectUris },
          requiredResourceAccess: [
            {
              resourceAppId: MICROSOFT_GRAPH,
              resourceAccess: WEB_APP_SCOPES.map((x) => ({ id: x.id, type: "Scope" })),
            },
          ],
        },
      },
    ],
    budget,
  );
  const created = results.get("web-app");
  let body = obj(
    created && created.kind !== "lost" && created.kind !== "failed" ? created.response.body : undefined,
  );
  if (s(body.appId) === "") {
    // 204 (updated) carries no body: read the ids back.
    const read = await runRequests(
      deps,
      [{ id: "read", method: "GET", url: `${path}?$select=id,appId`, lagOn404: true }],
      budget,
    );
    const answer = read.get("read");
    body = obj(
      answer && answer.kind !== "lost" && answer.kind !== "failed" ? answer.response.body : undefined,
    );
  }
  return {
    id: s(body.id),
    appId: s(body.appId),
    uniqueName,
    redirectUris,
    scopes: WEB_APP_SCOPES.map((x) => x.value),
  };
}
