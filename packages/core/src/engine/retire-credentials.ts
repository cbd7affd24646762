/**
 * Phase two of a rotation, only when asked: prove the newest credential (the one Boxafe now holds)
 * with a fresh token, then remove older secrets or certificates that boxafe-connect made. Never a
 * credential someone else made, never the proven one, never one newer than it that someone may
 * hold; `keep` keeps the N newest of ours, `olderThanDays` spares recent ones. Credentials nobody
 * holds (an interrupted run's) are not worth keeping and go whatever `keep` says.
 */
import type { CloudEndpoints } from "../clouds.js";
import { isOurCertificate } from "../credentials/credential-rows.js";
import { isUnheldKey, isUnheldSecret, pendingIds } from "../credentials/hand-over-marker.js";
import { planRetirement } from "../credentials/retire-selection.js";
import { CoreError } from "../errors.js";
import { type GraphDeps, runRequests, startBudget } from "../graph/batch-runner.js";
import { hasThumbprint } from "../tenant/credentials-plan.js";
import type { AppKey, KeyCredential, PasswordCredential } from "../tenant/model.js";
import { isOurSecret } from "../tenant/secrets.js";
import type { AppTokenPort, HeldCredential } from "../verify/port.js";
import { keysWithMaterial, wireKey } from "./add-certificate.js";
import { requireApplication } from "./find-application.js";
import { proveCredential } from "./prove-credential.js";
import { removePasswords } from "./remove-passwords.js";

export interface RetireDeps extends GraphDeps {
  readonly appToken: AppTokenPort;
}

export interface RetireInput {
  readonly tenantId: string;
  readonly appKey: AppKey;
  readonly cloud: CloudEndpoints;
  readonly proof: HeldCredential;
  /** For a certificate proof: its SHA-1 thumbprint (hex), to find it among keyCredentials. */
  readonly proofThumbprint?: string;
  readonly keep: number;
  readonly olderThanDays?: number;
  readonly proveWithinMs?: number;
}

export interface RetireResult {
  readonly appId: string;
  readonly type: "secret" | "certificate";
  readonly provenKeyId: string;
  readonly keptKeyIds: readonly string[];
  readonly removedKeyIds: readonly string[];
}

const DAY_MS = 86_400_000;

type Credential = PasswordCredential | KeyCredential;

const newestFirst = (a: Credential, b: Credential) => b.startDateTime.localeCompare(a.startDateTime);

function provenOf(
  input: RetireInput,
  secrets: readonly PasswordCredential[],
  keys: readonly KeyCredential[],
) {
  if (input.proof.kind === "secret") {
    // Graph keeps the first three characters of a secret as its hint: enough to tell ours apart.
    const hint = input.proof.secret.slice(0, 3);
    return [...secrets].filter((p) => p.hint === hint).sort(newestFirst)[0];
  }
  const thumbprint = input.proofThumbprint ?? "";
  return keys.find((k) => hasThumbprint(k, thumbprint));
}

/**
 * A secret is found by its hint, the three characters Graph keeps: a mistyped value (or one whose
 * secret was removed) can share them with a secret still on the app. What is known then: the hint
 * matched, the token did not; never "a newer one exists" as if the value were that secret.
 */
function hintOnlyMessage(proven: Credential, wait: string): string {
  return (
    `The secret you gave is not one this app can be shown to hold: its first three characters match secret ` +
    `keyId ${proven.keyId} (from ${proven.startDateTime.slice(0, 10)}), but it got no token${wait}, so it is ` +
    `mistyped or that secret was already removed. Nothing was removed. Give the newest secret (the one Boxafe holds).`
  );
}

export async function retireCredentials(deps: RetireDeps, input: RetireInput): Promise<RetireResult> {
  const budget = startBudget(deps);
  const app = await requireApplication(deps, input.appKey, budget);
  const type = input.proof.kind;
  const pending = pendingIds(app.tags);
  const proven = provenOf(input, app.passwordCredentials, app.keyCredentials);
  if (proven === undefined) {
    throw new CoreError(
      "invalid_input",
      `The ${type} you gave is not on this app. Give the newest ${type} (the one Boxafe now holds).`,
      { field: "proof" },
    );
  }
  const ours: Credential[] =
    type === "secret"
      ? app.passwordCredentials.filter(isOurSecret)
      : app.keyCredentials.filter((k) => isOurCertificate(k, app));
  const unheld = (c: Credential) =>
    type === "secret"
      ? isUnheldSecret(c as PasswordCredential, pending)
      : isUnheldKey(c as KeyCredential, pending);
  const cutoffMs =
    input.olderThanDays === undefined
      ? Number.POSITIVE_INFINITY
      : deps.clock.now() - input.olderThanDays * DAY_MS;
  const selection = planRetirement(
    ours.map((c) => ({ keyId: c.keyId, startDateTime: c.startDateTime, unheld: unheld(c) })),
    proven,
    { keep: input.keep, cutoffMs },
  );
  if (selection.kind === "newer-exists") {
    const { newer } = selection;
    // Only a token tells a held older secret from a mistyped value with its hint. That secret is
    // older than another of ours, long replicated: one try decides (a throttled answer is thrown,
    // and nothing is removed either way).
    if (
      input.proof.kind === "secret" &&
      !(await proveCredential(deps, {
        tenantId: input.tenantId,
        clientId: app.appId,
        credential: input.proof,
        cloud: input.cloud,
        withinMs: 0,
      }))
    ) {
      throw new CoreError("invalid_input", hintOnlyMessage(proven, ""), { field: "proof" });
    }
    throw new CoreError(
      "unsafe_operation",
      `A newer ${type} (keyId ${newer.keyId}, from ${newer.startDateTime.slice(0, 10)}) exists: prove that one before retiring older ones. Nothing was removed.`,
      { field: "proof" },
    );
  }
  deps.progress?.({ phase: "rotate", message: `Proving the newest ${type} with a token` });
  const ok = await proveCredential(deps, {
    tenantId: input.tenantId,
    clientId: app.appId,
    credential: input.proof,
    cloud: input.cloud,
    ...(input.proveWithinMs === undefined ? {} : { withinMs: input.proveWithinMs }),
  });
  if (!ok) {
    throw new CoreError(
      "unsafe_operation",
      type === "secret"
        ? hintOnlyMessage(
            proven,
            " (if it was made in the last minutes, it may not have replicated yet: try again)",
          )
        : `The ${type} you gave did not get a token, so nothing was removed. Check it is the one Boxafe holds.`,
      { field: "proof" },
    );
  }
  const { kept, removed } = selection;
  if (removed.length > 0) {
    deps.progress?.({ phase: "rotate", message: `Removing ${removed.length} older ${type}(s)` });
    if (type === "secret") await removePasswords(deps, app.id, removed, budget);
    else {
      const drop = new Set(removed);
      const rest = (await keysWithMaterial(deps, app.id, app.keyCredentials, budget)).filter(
        (k) => !drop.has(k.keyId),
      );
      await runRequests(
        deps,
        [
          {
            id: "keys",
            method: "PATCH",
            url: `/applications/${app.id}`,
            body: { keyCredentials: rest.map(wireKey) },
          },
        ],
        budget,
      );
    }
  }
  return { appId: app.appId, type, provenKeyId: proven.keyId, keptKeyIds: kept, removedKeyIds: removed };
}
