/**
 * Reads what the tenant holds, in Graph's shapes: one $batch when the app is new or keyed by appId
 * (resource SPs, organization, app, our SP, its assignments and grants); a second one only when the
 * app is keyed by uniqueName and exists (its SP and consents need its appId). Other independent reads
 * (preflight's policies) can ride in the first batch (`observeAlong`): at most 20 sub-requests per $batch
 * (more are sent as parallel batches, still one round trip), none ordered, and their failures are theirs.
 */
import { resources } from "../catalog/resources.js";
import type { ResourceKey } from "../catalog/types.js";
import { CoreError } from "../errors.js";
import {
  type GraphDeps,
  type RetryBudget,
  type RunRequest,
  type RunResult,
  runRequests,
  startBudget,
} from "../graph/batch-runner.js";
import type { PolicyReads } from "../preflight/policy-reads.js";
import type { AppKey, ObservedResource, ObservedTenant } from "../tenant/model.js";
import { arr, obj, readApplication, readAssignment, readGrant, s, values } from "./graph-shapes.js";
import { APPLICATION_SELECT, applicationPath, relativeLink, servicePrincipalByAppId } from "./paths.js";

export interface Organization {
  readonly id: string;
  readonly displayName: string;
  /** The tenant's *.onmicrosoft.com domain, e.g. contoso.onmicrosoft.com. */
  readonly initialDomain: string;
}

export type ObservedWithOrganization = ObservedTenant & {
  readonly organization: Organization;
  /** The tenant's policies when they were read in the same $batch (preflight/policy-reads.ts). */
  readonly policies?: PolicyReads;
};

const RESOURCE_SELECT = "id,appId,appRoles,oauth2PermissionScopes";

function clientRequests(appId: string): RunRequest[] {
  const sp = servicePrincipalByAppId(appId);
  return [
    { id: "sp", method: "GET", url: `${sp}?$select=id,appId`, absentOk: true },
    { id: "assignments", method: "GET", url: `${sp}/appRoleAssignments`, absentOk: true },
    { id: "grants", method: "GET", url: `${sp}/oauth2PermissionGrants`, absentOk: true },
  ];
}

function okBody(results: Map<string, RunResult>, id: string): unknown {
  const result = results.get(id);
  return result !== undefined && result.kind === "ok" ? result.response.body : undefined;
}

/** Follows @odata.nextLink (one extra GET per page; rare: our lists hold a few dozen entries). */
async function allValues(deps: GraphDeps, body: unknown, budget: RetryBudget): Promise<unknown[]> {
  const out = values(body);
  let next = s(obj(body)["@odata.nextLink"]);
  while (next !== "") {
    const page = await runRequests(deps, [{ id: "page", method: "GET", url: relativeLink(next) }], budget);
    const pageBody = okBody(page, "page");
    out.push(...values(pageBody));
    next = s(obj(pageBody)["@odata.nextLink"]);
  }
  return out;
}

function readResource(key: ResourceKey, body: unknown): ObservedResource {
  const sp = obj(body);
  const pick = (list: unknown) =>
    arr(list)
      .map((entry) => ({ id: s(obj(entry).id), value: s(obj(entry).value) }))
      .filter((e) => e.value !== "");
  return {
    key,
    id: s(sp.id),
    appId: s(sp.appId),
    appRoles: pick(sp.appRoles),
    scopes: pick(sp.oauth2PermissionScopes),
  };
}

/** The first organization of a /organization list; the initial domain, else the first verified one. */
export function readOrganization(body: unknown): Organization {
  const org = obj(values(body)[0]);
  const domains = arr(org.verifiedDomains).map(obj);
  const initial = domains.find((d) => d.isInitial === true) ?? domains[0] ?? {};
  return { id: s(org.id), displayName: s(org.displayName), initialDomain: s(initial.name) };
}

export async function observe(
  deps: GraphDeps,
  appKey: AppKey,
  budget: RetryBudget = startBudget(deps),
): Promise<ObservedWithOrganization> {
  return (await observeAlong(deps, appKey, [], budget)).observed;
}

/** observe, with `alongside` reads in its first $batch; their results (failed ones too) come back apart. */
export async function observeAlong(
  deps: GraphDeps,
  appKey: AppKey,
  alongside: readonly RunRequest[],
  budget: RetryBudget = startBudget(deps),
): Promise<{ readonly observed: ObservedWithOrganization; readonly alongside: Map<string, RunResult> }> {
  deps.progress?.({ phase: "observe", message: "Reading the tenant" });
  const first: RunRequest[] = [
    ...resources.map((r) => ({
      id: `resource:${r.key}`,
      method: "GET" as const,
      url: `${servicePrincipalByAppId(r.appId)}?$select=${RESOURCE_SELECT}`,
      absentOk: true,
    })),
    { id: "organization", method: "GET", url: "/organization?$select=id,displayName,verifiedDomains" },
    {
      id: "app",
      method: "GET",
      url: `${applicationPath(appKey)}?$select=${APPLICATION_SELECT}`,
      absentOk: true,
    },
    ...("appId" in appKey ? clientRequests(appKey.appId) : []),
  ];
  const results = await runRequests(deps, [...first, ...alongside], budget, { keepGoing: true });
  // observe's own reads fail the run as before; the others' failures are answers for their caller.
  for (const r of first) {
    const result = results.get(r.id);
    if (result?.kind === "failed") throw result.error;
  }
  const observedResources: Partial<Record<ResourceKey, ObservedResource>> = {};
  for (const r of resources) {
    const body = okBody(results, `resource:${r.key}`);
    if (body !== undefined) observedResources[r.key] = readResource(r.key, body);
  }
  const organization = readOrganization(okBody(results, "organization"));
  if (organization.id === "") {
    throw new CoreError(
      "not_found",
      "Microsoft Graph returned no organization for this sign-in; check the tenant.",
    );
  }
  const appBody = okBody(results, "app");
  const application = appBody === undefined ? undefined : readApplication(appBody);
  let client = results;
  if (application !== undefined && "uniqueName" in appKey) {
    client = await runRequests(deps, clientRequests(application.appId), budget);
  }
  const spBody = application === undefined ? undefined : okBody(client, "sp");
  const servicePrincipal =
    spBody === undefined ? undefined : { id: s(obj(spBody).id), appId: s(obj(spBody).appId) };
  const assignments =
    servicePrincipal === undefined
      ? []
      : (await allValues(deps, okBody(client, "assignments"), budget)).map(readAssignment);
  const grants =
    servicePrincipal === undefined
      ? []
      : (await allValues(deps, okBody(client, "grants"), budget)).map(readGrant);
  return {
    observed: {
      resources: observedResources,
      application,
      servicePrincipal,
      assignments,
      grants,
      organization,
    },
    alongside: new Map(alongside.map((r) => [r.id, results.get(r.id) ?? { kind: "lost" as const }])),
  };
}
