/**
 * Section 3b's planted problems: which customer tenants get one after `fleet setup` (every tenth,
 * rotating through what an admin or time does to a working tenant), what `fleet check` must then
 * report for each tenant, and whether its report says exactly that. A check that always answers
 * green finds none of them; one that reports too much has false findings.
 */
import type { ProblemKind, ResourceKey, TenantHealth } from "@boxafe-connect/core";

/**
 * - `role`: an admin revoked admin consent for app roles ("Remove permission" in the portal deletes the
 *   app role assignments): roles none of the workload calls need, so only the consent is missing.
 * - `consent`: an admin revoked the delegated grant of Exchange Online (EWS.AccessAsUser.All).
 * - `certificate`: the app's certificate was deleted from its registration: the token service refuses it.
 * - `ews`: the organization switched EWS off (`Set-OrganizationConfig -EwsEnabled $false`).
 * - `not-onboarded`: not a plant: `fleet setup` could not onboard the tenant (on a loaded machine a sign-in
 *   can meet a dropped connection), so nothing is planted there and the check must say so.
 */
export type Plant =
  | { readonly kind: "role"; readonly roles: readonly { resource: ResourceKey; value: string }[] }
  | { readonly kind: "consent"; readonly resource: ResourceKey; readonly scope: string }
  | { readonly kind: "certificate" }
  | { readonly kind: "ews" }
  | { readonly kind: "not-onboarded" };

/**
 * App roles whose loss no workload call notices: not `User.ReadWrite.All` (Graph `GET /users`),
 * `Directory.ReadWrite.All` (the grants read back), `full_access_as_app` (EWS `GetFolder`) nor the
 * `Sites.*` roles (SharePoint `_api/web`).
 */
const QUIET_ROLES: readonly { resource: ResourceKey; value: string }[] = [
  { resource: "microsoft-graph", value: "Mail.ReadWrite" },
  { resource: "microsoft-graph", value: "Calendars.ReadWrite" },
  { resource: "microsoft-graph", value: "Files.ReadWrite.All" },
  { resource: "microsoft-graph", value: "Group.ReadWrite.All" },
  { resource: "exchange-online", value: "Tasks.ReadWrite" },
  { resource: "exchange-online", value: "Contacts.ReadWrite" },
  { resource: "sharepoint", value: "TermStore.ReadWrite.All" },
];

/** Every tenth tenant (0-based index 3, 13, 23, ...) gets a problem, rotating through the five below. */
export function plantFor(index: number): Plant | undefined {
  if (index % 10 !== 3) return undefined;
  const round = Math.floor(index / 10);
  const pick = (k: number) => QUIET_ROLES[(round + k) % QUIET_ROLES.length] as (typeof QUIET_ROLES)[number];
  switch (round % 5) {
    case 0:
      return { kind: "role", roles: [pick(0)] };
    case 1:
      // Two roles of two resources: both must be named, not just the first.
      return { kind: "role", roles: [pick(0), pick(3)] };
    case 2:
      return { kind: "consent", resource: "exchange-online", scope: "EWS.AccessAsUser.All" };
    case 3:
      return { kind: "certificate" };
    default:
      return { kind: "ews" };
  }
}

export interface ExpectedProblem {
  readonly kind: ProblemKind;
  /** Text the problem's message must hold (the permission it names, or the workload). */
  readonly names: string;
}

export function expectedProblems(plant: Plant | undefined): ExpectedProblem[] {
  if (!plant) return [];
  switch (plant.kind) {
    case "role":
      return plant.roles.map((r) => ({ kind: "missing-role", names: `${r.resource} ${r.value}` }));
    case "consent":
      return [{ kind: "missing-consent", names: `${plant.resource} ${plant.scope}` }];
    case "certificate":
      return [{ kind: "credential-refused", names: "certificate was refused" }];
    case "ews":
      return [{ kind: "workload-blocked", names: "Exchange (EWS)" }];
    case "not-onboarded":
      return [{ kind: "not-onboarded", names: "No app of ours" }];
  }
}

export interface TenantJudgement {
  /** Planted problems the report names. */
  readonly found: number;
  readonly missed: readonly ExpectedProblem[];
  /** Problems reported that nothing planted. */
  readonly falseFindings: readonly string[];
}

/** Each planted problem matched by one reported problem of its kind naming it, and nothing else reported. */
function judgeTenant(health: Pick<TenantHealth, "problems">, plant: Plant | undefined): TenantJudgement {
  const left = [...health.problems];
  const missed: ExpectedProblem[] = [];
  let found = 0;
  for (const want of expectedProblems(plant)) {
    const at = left.findIndex((p) => p.kind === want.kind && p.message.includes(want.names));
    if (at < 0) {
      missed.push(want);
      continue;
    }
    left.splice(at, 1);
    found += 1;
  }
  return { found, missed, falseFindings: left.map((p) => `${p.kind}: ${p.message}`) };
}

export interface FleetTally {
  /** Problems planted (tenants `fleet setup` did not onboard are counted apart, in notOnboarded). */
  readonly planted: number;
  readonly notOnboarded: number;
  readonly found: number;
  readonly falseFindings: number;
  /** Tenants whose report is exactly what was planted (nothing for the others). */
  readonly exact: number;
  readonly tenants: number;
  /** The first few differences, for the report's notes. */
  readonly examples: readonly string[];
}

/**
 * Judges `fleet check`'s rows against the plants. `plants` maps a tenant id (lower case) to its plant;
 * a tenant of the fleet with no row counts as every planted problem missed and one false finding.
 */
export function tallyFleet(
  tenantIds: readonly string[],
  rows: readonly Pick<TenantHealth, "tenant" | "problems">[],
  plants: ReadonlyMap<string, Plant>,
): FleetTally {
  const byTenant = new Map(rows.map((r) => [r.tenant.toLowerCase(), r]));
  let planted = 0;
  let notOnboarded = 0;
  let found = 0;
  let falseFindings = 0;
  let exact = 0;
  const examples: string[] = [];
  for (const id of tenantIds) {
    const plant = plants.get(id.toLowerCase());
    if (plant?.kind === "not-onboarded") notOnboarded += 1;
    else planted += expectedProblems(plant).length;
    const row = byTenant.get(id.toLowerCase());
    if (!row) {
      falseFindings += 1;
      if (examples.length < 3) examples.push(`${id}: no row in the report`);
      continue;
    }
    const judged = judgeTenant(row, plant);
    if (plant?.kind !== "not-onboarded") found += judged.found;
    falseFindings += judged.falseFindings.length;
    if (judged.missed.length === 0 && judged.falseFindings.length === 0) exact += 1;
    else if (examples.length < 3) {
      const what = [
        ...judged.missed.map((m) => `missed ${m.kind} (${m.names})`),
        ...judged.falseFindings.map((f) => `unplanted ${f}`),
      ];
      examples.push(`${id} (${plant?.kind ?? "nothing planted"}): ${what.join("; ")}`);
    }
  }
  return { planted, notOnboarded, found, falseFindings, exact, tenants: tenantIds.length, examples };
}
