/**
 * Applies a plan in dependency waves, each wave one or more parallel $batch calls:
 *   1. [upsert-application + upsert-resource-service-principal]
 *   2. [upsert-service-principal + add-password + add-certificate + remove-password]
 *   3. [assign-app-role + create-grant + update-grant + removals]
 * A fresh plan is 1 + 1 + 2 requests in 3 round trips. The pending hand-over marks ride in wave 2
 * ahead of the credentials they mark (dependsOn), from tags this run has seen (wave-application.ts). Every request is idempotent or recovered
 * (see add-password.ts), so a re-run after any failure converges.
 */

import { certificateKeyId as keyIdOf } from "../credentials/certificate-key-id.js";
import { pendingIds as pendingOf, withPending } from "../credentials/hand-over-marker.js";
import { CoreError } from "../errors.js";
import { type GraphDeps, startBudget } from "../graph/batch-runner.js";
import { countingGraphPort } from "../graph/counting-port.js";
import type { ObservedTenant, Plan } from "../tenant/model.js";
import { type NewSecret, type PasswordAttempt, sweepRunSecrets } from "./add-password.js";
import { type ApplyState, byType, withdrawRunSecrets } from "./apply-state.js";
import { randomGuid, runId } from "./ids.js";
import { waveOne } from "./wave-application.js";
import { waveThree } from "./wave-consent.js";
import { type WaveTwoResult, waveTwo } from "./wave-credentials.js";

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
  /**
   * Present when this run added a credential: the pending marks to clear with `confirmHandOver`
   * once the secret or private key has reached the admin. Until then the tenant counts it unheld.
   */
  readonly handOver?: {
    readonly appObjectId: string;
    readonly pendingIds: readonly string[];
    /** The app's tags once handed over, when nothing else was pending (one PATCH, no re-read). */
    readonly tagsAfter?: readonly string[];
  };
}

/** The add-password attempt of this run: the plan's marked name plus a run id (see add-password.ts). */
function passwordAttempt(plan: Plan, state: ApplyState, run: string): PasswordAttempt | undefined {
  const password = byType(plan, "add-password")[0];
  if (password === undefined || state.app === undefined) return undefined;
  return {
    appObjectId: state.app.id,
    displayName: password.displayName,
    endDateTime: password.endDateTime,
    runId: run,
  };
}

export async function apply(deps: EngineDeps, plan: Plan, observed: ObservedTenant): Promise<ApplyResult> {
  const graph = countingGraphPort(deps.graph);
  const d: GraphDeps = { ...deps, graph };
  const budget = startBudget(d);
  const state: ApplyState = {
    app: observed.application && {
      id: observed.application.id,
      appId: observed.application.appId,
      displayName: observed.application.displayName,
    },
    spId: observed.servicePrincipal?.id,
    resourceIds: new Map(Object.values(observed.resources).map((r) => [r.key, r.id])),
  };
  const run = runId(d.random, d.clock.now());
  // Fixed by the thumbprint: the app can name it later in removeKey without reading itself.
  const [certificate] = byType(plan, "add-certificate");
  const certificateKeyId = certificate ? keyIdOf(certificate.thumbprint) : randomGuid(d.random);
  const pendingIds = [
    ...(byType(plan, "add-password").length > 0 ? [run] : []),
    ...(byType(plan, "add-certificate").length > 0 ? [certificateKeyId] : []),
  ];
  const { seen } = await waveOne(d, plan, state, budget);
  // The tags this run has seen: wave 1's when it learnt them (a new app, or one the observation missed).
  const knownTags = seen?.tags ?? observed.application?.tags ?? [];
  const tags = pendingIds.length > 0 ? withPending(knownTags, pendingIds) : undefined;
  // Marks of earlier, interrupted runs mean their credentials need the full clean-up at hand-over.
  const earlierPending = pendingOf(knownTags).size > 0;
  const attempt = passwordAttempt(plan, state, run);
  let two: WaveTwoResult;
  try {
    two = await waveTwo(
      d,
      plan,
      observed,
      state,
      budget,
      attempt,
      certificateKeyId,
      tags,
      seen?.keyCredentials,
    );
    await waveThree(d, plan, state, budget);
    if (two.passwordLost && attempt !== undefined && two.secret !== undefined) {
      await sweepRunSecrets(d, attempt, two.secret.keyId, budget);
    }
  } catch (error) {
    // The caller never sees this run's secret text, so take it back: the re-run adds a fresh one.
    if (attempt !== undefined) await withdrawRunSecrets(d, attempt);
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
    ...(pendingIds.length > 0
      ? {
          handOver: {
            appObjectId: app.id,
            pendingIds,
            ...(earlierPending ? {} : { tagsAfter: [...knownTags] }),
          },
        }
      : {}),
  };
}
