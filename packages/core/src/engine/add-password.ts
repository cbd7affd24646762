/**
 * addPassword is the one write that is not idempotent: re-sending it after a lost response would
 * leave a second secret whose text nobody ever saw. So every attempt carries a unique name (the
 * plan's marker name + run id + attempt); after a loss we re-read the app's passwordCredentials,
 * remove the orphan by that name, and only then add again. A final sweep catches a copy that a
 * lagging replica hid from the re-read.
 */
import { CoreError } from "../errors.js";
import type { GraphDeps, RetryBudget, RunRequest } from "../graph/batch-runner.js";
import { runRequests } from "../graph/batch-runner.js";
import { arr, obj, readPassword, s } from "./graph-shapes.js";
import { removePasswords } from "./remove-passwords.js";

export interface NewSecret {
  readonly secretText: string;
  readonly keyId: string;
  readonly endDateTime: string;
}

export interface PasswordAttempt {
  readonly appObjectId: string;
  readonly displayName: string;
  readonly endDateTime: string;
  readonly runId: string;
}

const MAX_LOSSES = 5;

export function attemptName(attempt: PasswordAttempt, n: number): string {
  return `${attempt.displayName} ${attempt.runId}-${n}`;
}

export function addPasswordRequest(attempt: PasswordAttempt, n: number): RunRequest {
  return {
    id: "add-password",
    method: "POST",
    url: `/applications/${attempt.appObjectId}/addPassword`,
    body: { passwordCredential: { displayName: attemptName(attempt, n), endDateTime: attempt.endDateTime } },
    lagOn404: true,
    onLost: "report",
  };
}

export function readNewSecret(body: unknown): NewSecret {
  const b = obj(body);
  return { secretText: s(b.secretText), keyId: s(b.keyId), endDateTime: s(b.endDateTime) };
}

async function passwordsOf(deps: GraphDeps, appObjectId: string, budget: RetryBudget) {
  const read = await runRequests(
    deps,
    [
      {
        id: "read",
        method: "GET",
        url: `/applications/${appObjectId}?$select=id,passwordCredentials`,
        lagOn404: true,
      },
    ],
    budget,
  );
  const result = read.get("read");
  const body = result !== undefined && result.kind === "ok" ? result.response.body : undefined;
  return arr(obj(body).passwordCredentials).map(readPassword);
}

/** Called after attempt `n` was lost: clean up by name, then add again until one answer arrives. */
export async function recoverLostPassword(
  deps: GraphDeps,
  attempt: PasswordAttempt,
  lostAttempt: number,
  budget: RetryBudget,
): Promise<NewSecret> {
  for (let n = lostAttempt; n < lostAttempt + MAX_LOSSES; n++) {
    const orphans = (await passwordsOf(deps, attempt.appObjectId, budget)).filter(
      (p) => p.displayName === attemptName(attempt, n),
    );
    await removePasswords(
      deps,
      attempt.appObjectId,
      orphans.map((p) => p.keyId),
      budget,
    );
    const again = await runRequests(deps, [addPasswordRequest(attempt, n + 1)], budget);
    const result = again.get("add-password");
    if (result !== undefined && result.kind === "ok") return readNewSecret(result.response.body);
  }
  throw new CoreError(
    "unreachable",
    "The answer to adding the client secret kept getting lost. Check the connection and re-run; no orphan secret is kept.",
  );
}

/** Removes any secret of this run other than the one handed back (a copy a lagging read missed). */
export async function sweepRunSecrets(
  deps: GraphDeps,
  attempt: PasswordAttempt,
  keep: string,
  budget: RetryBudget,
): Promise<void> {
  const prefix = `${attempt.displayName} ${attempt.runId}-`;
  const strays = (await passwordsOf(deps, attempt.appObjectId, budget)).filter(
    (p) => p.keyId !== keep && (p.displayName ?? "").startsWith(prefix),
  );
  await removePasswords(
    deps,
    attempt.appObjectId,
    strays.map((p) => p.keyId),
    budget,
  );
}
