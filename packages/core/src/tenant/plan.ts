/**
 * The pure diff: what must change so the observed tenant holds the desired state. An empty action
 * list means nothing to do. Actions are ordered by the executor's waves and never duplicated.
 */
import { CoreError, ErrorCode } from "../errors.js";
import { planConsent } from "./consent.js";
import { planCredentials } from "./credentials-plan.js";
import { ExtraCollector, nameById } from "./extras.js";
import type { Action, Desired, Finding, ObservedTenant, Plan } from "./model.js";
import { type AccessEntry, accessKey, flattenAccess, groupAccess, sameAccess } from "./required-access.js";
import { type ResolvedPermission, resolvePermissions } from "./resolve-ids.js";

export function plan(desired: Desired, observed: ObservedTenant, now: number): Plan {
  const app = observed.application;
  const adopting = "appId" in desired.appKey;
  if (app === undefined && "appId" in desired.appKey) {
    throw new CoreError(
      ErrorCode.NotFound,
      `No application with Application (client) ID ${desired.appKey.appId} exists in this tenant. Check the ID, or register a new app instead.`,
      { field: "appId" },
    );
  }
  const resolution = resolvePermissions(desired.permissions, observed);
  const findings: Finding[] = [...resolution.findings];
  const extras = new ExtraCollector();
  const actions: Action[] = resolution.missingResources.map((resource) => ({
    type: "upsert-resource-service-principal",
    resource,
    appId: resolution.appIdOf(resource),
  }));

  const entryOf = (resolved: ResolvedPermission): AccessEntry => ({
    resourceAppId: resolution.appIdOf(resolved.permission.resource),
    type: resolved.permission.kind === "application" ? "Role" : "Scope",
    id: resolved.id,
  });
  const wantedEntries = resolution.permissions.map(entryOf);
  const observedEntries = app === undefined ? [] : flattenAccess(app.requiredResourceAccess);
  const declared = new Set(observedEntries.map(accessKey));
  const wantedKeys = new Set(wantedEntries.map(accessKey));
  const extraEntries = observedEntries.filter((entry) => !wantedKeys.has(accessKey(entry)));
  for (const entry of extraEntries) {
    const kind = entry.type === "Role" ? "application" : "delegated";
    extras.add(nameById(observed, { appId: entry.resourceAppId }, kind, entry.id), kind, "declared", true);
  }
  const target = desired.removeExtra ? wantedEntries : [...wantedEntries, ...extraEntries];
  // An adopted app keeps its own name; our own app follows the chosen display name.
  const displayName = adopting && app !== undefined ? app.displayName : desired.displayName;
  if (app === undefined || !sameAccess(target, observedEntries) || app.displayName !== displayName) {
    actions.push({
      type: "upsert-application",
      appKey: desired.appKey,
      displayName,
      requiredResourceAccess: groupAccess(target),
    });
  }
  if (observed.servicePrincipal === undefined) actions.push({ type: "upsert-service-principal" });

  const credentials = planCredentials(desired, app, now);
  actions.push(...credentials.actions);
  findings.push(...credentials.findings);

  const consent = planConsent({
    resolved: resolution.permissions,
    observed,
    removeExtra: desired.removeExtra,
    isDeclared: (resolved) => declared.has(accessKey(entryOf(resolved))),
    extras,
  });
  actions.push(...consent.actions);
  findings.push(...consent.findings, ...extras.findings(desired.removeExtra));
  return { actions, findings };
}
