/**
 * An in-memory tenant behind a GraphPort, for unit tests of the use cases and the step machine:
 * it answers the engine's reads and writes (upserts by key, addPassword, keyCredentials, app role
 * assignments, grants, delete) like Graph's happy path. Faults and strictness are the sandbox's
 * job; this fake is only the shape core needs to walk a whole job without I/O.
 */
import { permissions } from "../catalog/permissions.js";
import { resources } from "../catalog/resources.js";
import type { GraphPort, GraphRequest, GraphResponse } from "../graph/port.js";

interface App {
  id: string;
  appId: string;
  uniqueName: string | null;
  displayName: string;
  signInAudience: string;
  requiredResourceAccess: unknown[];
  passwordCredentials: {
    keyId: string;
    displayName: string;
    startDateTime: string;
    endDateTime: string;
    hint: string;
  }[];
  keyCredentials: Record<string, unknown>[];
  tags?: string[];
}

export interface FakeTenant extends GraphPort {
  readonly apps: App[];
  readonly servicePrincipals: { id: string; appId: string }[];
  readonly assignments: { id: string; principalId: string; resourceId: string; appRoleId: string }[];
  readonly grants: { id: string; clientId: string; resourceId: string; scope: string; consentType: string }[];
  /** Every batch sent, in order (a round trip each). */
  readonly batches: readonly (readonly GraphRequest[])[];
  /** Requests that changed something (not GET). */
  writes(): number;
}

const TENANT_ID = "8a1f0000-0000-4000-8000-000000000001";

function keyOf(url: string): { kind: "uniqueName" | "appId"; value: string } | undefined {
  const match = /\((uniqueName|appId)='([^']*)'\)/.exec(url);
  return match
    ? { kind: match[1] as "uniqueName" | "appId", value: decodeURIComponent(match[2] ?? "") }
    : undefined;
}

export function fakeTenant(
  options: { readonly initialDomain?: string; readonly tenantId?: string } = {},
): FakeTenant {
  let next = 0;
  const id = (prefix: string) => `${prefix}-${(++next).toString().padStart(4, "0")}`;
  const guid = () => `00000000-0000-4000-8000-${(++next).toString().padStart(12, "0")}`;
  const apps: App[] = [];
  const servicePrincipals = resources.map((r) => ({ id: `sp-${r.key}`, appId: r.appId }));
  const assignments: FakeTenant["assignments"] = [];
  const grants: FakeTenant["grants"] = [];
  const batches: GraphRequest[][] = [];
  const ok = (status: number, body?: unknown): Omit<GraphResponse, "id"> => ({ status, headers: {}, body });
  const missing = ok(404, {
    error: { code: "Request_ResourceNotFound", message: "Resource does not exist." },
  });
  const findApp = (url: string) => {
    const key = keyOf(url);
    if (key)
      return apps.find((a) => (key.kind === "appId" ? a.appId === key.value : a.uniqueName === key.value));
    const objectId = /^\/applications\/([^/?]+)/.exec(url)?.[1];
    return apps.find((a) => a.id === objectId);
  };
  const resourceSp = (appId: string) => {
    const resource = resources.find((r) => r.appId === appId);
    const sp = servicePrincipals.find((s) => s.appId === appId);
    if (!sp) return undefined;
    const of = (kind: "application" | "delegated") =>
      permissions
        .filter((p) => p.resource === resource?.key && p.kind === kind)
        .map((p) => ({ id: p.id, value: p.value }));
    return { ...sp, appRoles: of("application"), oauth2PermissionScopes: of("delegated") };
  };

  function answer(r: GraphRequest): Omit<GraphResponse, "id"> {
    const path = r.url.split("?")[0] ?? r.url;
    const body = (r.body ?? {}) as Record<string, unknown>;
    if (path === "/organization") {
      const domain = options.initialDomain ?? "contoso.onmicrosoft.com";
      return ok(200, {
        value: [
          {
            id: options.tenantId ?? TENANT_ID,
            displayName: "Contoso",
            verifiedDomains: [{ name: domain, isInitial: true }],
          },
        ],
      });
    }
    if (path.startsWith("/servicePrincipals(appId=")) {
      const appId = keyOf(path)?.value ?? "";
      const sp = servicePrincipals.find((s) => s.appId === appId);
      if (path.endsWith("/appRoleAssignments")) {
        return sp ? ok(200, { value: assignments.filter((a) => a.principalId === sp.id) }) : missing;
      }
      if (path.endsWith("/oauth2PermissionGrants")) {
        return sp ? ok(200, { value: grants.filter((g) => g.clientId === sp.id) }) : missing;
      }
      if (r.method === "PATCH") {
        if (sp) return ok(204);
        const created = { id: id("sp"), appId };
        servicePrincipals.push(created);
        return ok(201, created);
      }
      const resource = resourceSp(appId);
      if (resource && resources.some((x) => x.appId === appId)) return ok(200, resource);
      return sp ? ok(200, sp) : missing;
    }
    if (
      path.startsWith("/servicePrincipals/") &&
      path.endsWith("/appRoleAssignments") &&
      r.method === "POST"
    ) {
      const created = {
        id: id("assignment"),
        ...(body as { principalId: string; resourceId: string; appRoleId: string }),
      };
      assignments.push(created);
      return ok(201, created);
    }
    if (path === "/oauth2PermissionGrants" && r.method === "POST") {
      const created = {
        id: id("grant"),
        ...(body as { clientId: string; resourceId: string; scope: string; consentType: string }),
      };
      grants.push(created);
      return ok(201, created);
    }
    if (path.startsWith("/oauth2PermissionGrants/") && r.method === "PATCH") {
      const grant = grants.find((g) => g.id === path.split("/")[2]);
      if (!grant) return missing;
      grant.scope = String(body.scope ?? grant.scope);
      return ok(204);
    }
    if (path.startsWith("/applications")) {
      const app = findApp(path);
      if (path.endsWith("/addPassword")) {
        if (!app) return missing;
        const credential = (body.passwordCredential ?? {}) as { displayName: string; endDateTime: string };
        // A hint of its own per secret (Graph keeps the first three characters) and a later start.
        const n = ++next;
        const secretText = `${String(n % 1000).padStart(3, "0")}8Q~fake-secret-${n}`;
        const minute = String(Math.floor(n / 60) % 60).padStart(2, "0");
        const added = {
          keyId: guid(),
          displayName: credential.displayName,
          startDateTime: `2026-11-27T12:${minute}:${String(n % 60).padStart(2, "0")}Z`,
          endDateTime: credential.endDateTime,
          hint: secretText.slice(0, 3),
        };
        app.passwordCredentials.push(added);
        return ok(200, { ...added, secretText });
      }
      if (path.endsWith("/removePassword")) {
        if (!app) return missing;
        app.passwordCredentials = app.passwordCredentials.filter((p) => p.keyId !== body.keyId);
        return ok(204);
      }
      if (r.method === "DELETE") {
        if (!app) return missing;
        apps.splice(apps.indexOf(app), 1);
        const sp = servicePrincipals.findIndex((s) => s.appId === app.appId);
        if (sp >= 0) servicePrincipals.splice(sp, 1);
        return ok(204);
      }
      if (r.method === "PATCH") {
        if (app) {
          Object.assign(app, body);
          return ok(204);
        }
        const key = keyOf(path);
        if (key?.kind !== "uniqueName" || r.headers?.Prefer !== "create-if-missing") return missing;
        const created: App = {
          id: id("app"),
          appId: guid(),
          uniqueName: key.value,
          displayName: String(body.displayName ?? ""),
          signInAudience: String(body.signInAudience ?? "AzureADMyOrg"),
          requiredResourceAccess: (body.requiredResourceAccess as unknown[]) ?? [],
          passwordCredentials: [],
          keyCredentials: [],
          tags: Array.isArray(body.tags) ? body.tags.map(String) : [],
        };
        apps.push(created);
        return ok(201, created);
      }
      if (!app) return missing;
      // Graph returns null for a key's material on reads unless $select asks for keyCredentials.
      return ok(200, app);
    }
    return ok(400, {
      error: { code: "BadRequest", message: `fake tenant: no route for ${r.method} ${r.url}` },
    });
  }

  return {
    apps,
    servicePrincipals,
    assignments,
    grants,
    batches,
    writes: () => batches.flat().filter((r) => r.method !== "GET").length,
    async batch(requests) {
      batches.push([...requests]);
      return requests.map((r) => ({ id: r.id, ...answer(r) }));
    },
  };
}
