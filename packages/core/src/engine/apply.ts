/**
 * Applies a plan in dependency waves, each wave one or more parallel $batch calls:
 *   1. [upsert-application + upsert-resource-service-principal]
 *   2. [upsert-service-principal + add-password + add-certificate + remove-password]
 *   3. [assign-app-role + create-grant + update-grant + removals]
 * A fresh plan is 1 + 1 + 2 requests in 3 round trips. Every request is idempotent or recovered
 * (see add-password.ts), so a re-run after any failure converges.
 */
import type { ResourceKey } from "../catalog/types.js";
import { CoreError } from "../errors.js";
import {
  type GraphDeps,
  type RetryBudget,
  type RunRequest,
  runRequests,
  startBudget,
} from "../graph/batch-runner.js";
import { countingGraphPort } from "../graph/counting-port.js";
import type { Action, ObservedTenant, Plan } from "../tenant/model.js";
import { addCertificateRequest, keysWithMaterial } from "./add-certificate.js";
import {
  addPasswordRequest,
  type NewSecret,
  type PasswordAttempt,
  readNewSecret,
  recoverLostPassword,
  sweepRunSecrets,
} from "./add-password.js";
import { consentRequest, isConsentAction, reconcileExistingGrants } from "./consent-requests.js";
import { obj, s } from "./graph-shapes.js";
import { randomGuid, runId } from "./ids.js";
import { applicationPath, CREATE_IF_MISSING, servicePrincipalByAppId } from "./paths.js";

export type EngineDeps = GraphDeps;

export interface ApplyResult {
  readonly application: { readonly id: string; readonly appId: string };
  readonly servicePrincipalId: string;
  readonly secret?: NewSecret;
  readonly certificateKeyId?: string;
  /** HTTP requests ($batch calls) this apply sent. */
  readonly requests: number;
  /** Sequential round trips (parallel batches share one). */
  readonly roundTrips: number;
}

type Of<T extends Action["type"]> = Extract<Action, { type: T }>;

function byType<T extends Action["type"]>(plan: Plan, type: T): Of<T>[] {
  return plan.actions.filter((a): a is Of<T> => a.type === type);
}

function bodyOf(results: Map<string, { kind: string; response?: { body: unknown } }>, id: string): unknown {
  const r = results.get(id);
  return r?.kind === "ok" ? r.response?.body : undefined;
}

interface State {
  app: { id: string; appId: string; displayName: string } | undefined;
  spId: string | undefined;
  readonly resourceIds: Map<ResourceKey, string>;
}

async function readId(
  deps: GraphDeps,
  url: string,
  budget: RetryBudget,
): Promise<{ id: string; appId: string }> {
  const read = await runRequests(
    deps,
    [{ id: "read", method: "GET", url: `${url}?$select=id,appId`, lagOn404: true }],
    budget,
  );
  const body = obj(bodyOf(read, "read"));
  return { id: s(body.id), appId: s(body.appId) };
}

async function waveOne(deps: GraphDeps, plan: Plan, state: State, budget: RetryBudget): Promise<void> {
  const upsert = byType(plan, "upsert-application")[0];
  const resourceSps = byType(plan, "upsert-resource-service-principal");
  const requests: RunRequest[] = resourceSps.map((r) => ({
    id: `resource:${r.resource}`,
    method: "PATCH",
    url: servicePrincipalByAppId(r.appId),
    headers: CREATE_IF_MISSING,
    body: {},
  }));
  if (upsert !== undefined) {
    const own = "uniqueName" in upsert.appKey;
    requests.push({
      id: "app",
      method: "PATCH",
      url: applicationPath(upsert.appKey),
      // An adopted app must already exist: a plain update, never a create.
      ...(own ? { headers: CREATE_IF_MISSING } : {}),
      body: {
        displayName: upsert.displayName,
        requiredResourceAccess: upsert.requiredResourceAccess,
        ...(own ? { signInAudience: "AzureADMyOrg" } : {}),
      },
      lagOn404: !own,
    });
  }
  if (requests.length === 0) return;
  deps.progress?.({ phase: "apply", message: "Registering the application", done: 0, total: 3 });
  const results = await runRequests(deps, requests, budget);
  for (const r of resourceSps) {
    const created = s(obj(bodyOf(results, `resource:${r.resource}`)).id);
    const id = created !== "" ? created : (await readId(deps, servicePrincipalByAppId(r.appId), budget)).id;
    state.resourceIds.set(r.resource, id);
  }
  if (upsert !== undefined) {
    const body = obj(bodyOf(results, "app"));
    // 201 returns the new app; 204 (it existed, or our earlier attempt's answer was lost) does not.
    const ids =
      s(body.id) !== ""
        ? { id: s(body.id), appId: s(body.appId) }
        : (state.app ?? (await readId(deps, applicationPath(upsert.appKey), budget)));
    state.app = { id: ids.id, appId: ids.appId, displayName: upsert.displayName };
  }
}

interface WaveTwoResult {
  secret?: NewSecret;
  certificateKeyId?: string;
  passwordLost: boolean;
  attempt?: PasswordAttempt;
}

async function waveTwo(
  deps: GraphDeps,
  plan: Plan,
  observed: ObservedTenant,
  state: State,
  budget: RetryBudget,
) {
  const out: WaveTwoResult = { passwordLost: false };
  const app = state.app;
  if (app === undefined)
    throw new CoreError("not_found", "The application is missing; re-run the setup to register it.");
  const requests: RunRequest[] = [];
  const upsertSp = byType(plan, "upsert-service-principal").length > 0;
  if (upsertSp) {
    requests.push({
      id: "sp",
      method: "PATCH",
      url: servicePrincipalByAppId(app.appId),
      headers: CREATE_IF_MISSING,
      // The SP takes its name from the app; the key is in the URL.
      body: {},
      lagOn404: true,
    });
  }
  const password = byType(plan, "add-password")[0];
  if (password !== undefined) {
    out.attempt = {
      appObjectId: app.id,
      displayName: password.displayName,
      endDateTime: password.endDateTime,
      runId: runId(deps.random, deps.clock.now()),
    };
    requests.push(addPasswordRequest(out.attempt, 0));
  }
  const certificate = byType(plan, "add-certificate")[0];
  if (certificate !== undefined) {
    const existing = await keysWithMaterial(deps, app.id, observed.application?.keyCredentials ?? [], budget);
    out.certificateKeyId = randomGuid(deps.random);
    requests.push(addCertificateRequest(app.id, existing, certificate, out.certificateKeyId));
  }
  byType(plan, "remove-password").forEach((r, i) => {
    requests.push({
      id: `remove-password-${i}`,
      method: "POST",
      url: `/applications/${app.id}/removePassword`,
      body: { keyId: r.keyId },
      absentOk: true,
    });
  });
  if (requests.length === 0) return out;
  deps.progress?.({
    phase: "apply",
    message: "Creating the service principal and credentials",
    done: 1,
    total: 3,
  });
  const results = await runRequests(deps, requests, budget, { keepGoing: true });
  const failed = [...results.values()].find((r) => r.kind === "failed");
  if (failed?.kind === "failed") {
    // Something beside addPassword failed: take back a secret whose text the caller will never get.
    const added = results.get("add-password");
    if (added?.kind === "ok" && out.attempt !== undefined) {
      await withdrawSecret(deps, out.attempt.appObjectId, readNewSecret(added.response.body).keyId);
    }
    throw failed.error;
  }
  if (upsertSp) {
    const created = s(obj(bodyOf(results, "sp")).id);
    state.spId =
      created !== "" ? created : (await readId(deps, servicePrincipalByAppId(app.appId), budget)).id;
  }
  if (out.attempt !== undefined) {
    const result = results.get("add-password");
    if (result?.kind === "ok") out.secret = readNewSecret(result.response.body);
    else {
      out.passwordLost = true;
      out.secret = await recoverLostPassword(deps, out.attempt, 0, budget);
    }
  }
  return out;
}

async function waveThree(deps: GraphDeps, plan: Plan, state: State, budget: RetryBudget): Promise<void> {
  const consent = plan.actions.filter(isConsentAction);
  if (consent.length === 0) return;
  const spId = state.spId;
  if (spId === undefined)
    throw new CoreError("not_found", "The service principal is missing; re-run the setup.");
  const resourceId = (key: ResourceKey): string => {
    const id = state.resourceIds.get(key);
    if (id === undefined)
      throw new CoreError(
        "not_found",
        `The ${key} service principal is missing in this tenant; re-run the setup.`,
      );
    return id;
  };
  deps.progress?.({
    phase: "apply",
    message: `Granting admin consent (${consent.length} changes)`,
    done: 2,
    total: 3,
  });
  const requests = consent.map((action, i) => consentRequest(action, i, spId, resourceId));
  const results = await runRequests(deps, requests, budget);
  const existing = consent.flatMap((action, i) =>
    action.type === "create-grant" && results.get(`consent-${i}`)?.kind === "exists"
      ? [{ action, resourceId: resourceId(action.resource) }]
      : [],
  );
  await reconcileExistingGrants(deps, spId, existing, budget);
}

async function withdrawSecret(deps: GraphDeps, appObjectId: string, keyId: string): Promise<void> {
  const budget = startBudget({
    ...deps,
    retry: { ...deps.retry, budgetMs: Math.min(30_000, deps.retry?.budgetMs ?? 30_000) },
  });
  await runRequests(
    deps,
    [
      {
        id: "withdraw",
        method: "POST",
        url: `/applications/${appObjectId}/removePassword`,
        body: { keyId },
        absentOk: true,
      },
    ],
    budget,
  ).catch(() => undefined);
}

export async function apply(deps: EngineDeps, plan: Plan, observed: ObservedTenant): Promise<ApplyResult> {
  const graph = countingGraphPort(deps.graph);
  const d: GraphDeps = { ...deps, graph };
  const budget = startBudget(d);
  const state: State = {
    app: observed.application && {
      id: observed.application.id,
      appId: observed.application.appId,
      displayName: observed.application.displayName,
    },
    spId: observed.servicePrincipal?.id,
    resourceIds: new Map(Object.values(observed.resources).map((r) => [r.key, r.id])),
  };
  await waveOne(d, plan, state, budget);
  const two = await waveTwo(d, plan, observed, state, budget);
  try {
    await waveThree(d, plan, state, budget);
    if (two.passwordLost && two.attempt !== undefined && two.secret !== undefined) {
      await sweepRunSecrets(d, two.attempt, two.secret.keyId, budget);
    }
  } catch (error) {
    // The caller never sees this run's secret text, so take the secret back: the re-run adds a fresh one.
    if (two.secret !== undefined && two.attempt !== undefined)
      await withdrawSecret(d, two.attempt.appObjectId, two.secret.keyId);
    throw error;
  }
  const app = state.app;
  if (app === undefined || state.spId === undefined) {
    throw new CoreError(
      "not_found",
      "The application or its service principal is missing; re-run the setup.",
    );
  }
  deps.progress?.({ phase: "apply", message: "Done", done: 3, total: 3 });
  const stats = graph.stats();
  return {
    application: { id: app.id, appId: app.appId },
    servicePrincipalId: state.spId,
    ...(two.secret === undefined ? {} : { secret: two.secret }),
    ...(two.certificateKeyId === undefined ? {} : { certificateKeyId: two.certificateKeyId }),
    requests: stats.requests,
    roundTrips: stats.roundTrips,
  };
}
