/**
 * Proof, not hope: fresh client-credentials tokens per resource, their `roles` compared with the
 * profile's application permissions, delegated grants read back through Graph. Polls with backoff
 * until complete or the deadline; a wrong credential is a report, not a throw. Without a SharePoint
 * tenant name, the app's own Graph token reads it from the tenant's initial domain.
 */
import { decodeJwt } from "jose";
import type { Permission, ResourceKey } from "../catalog/types.js";
import type { CloudEndpoints } from "../clouds.js";
import { CoreError, isCoreError } from "../errors.js";
import type { GraphPort } from "../graph/port.js";
import { backoffMs, defaultRetryPolicy, type RetryPolicy, retryPolicy } from "../graph/retry-policy.js";
import type { RuntimePorts } from "../ports.js";
import { audienceFor } from "./audiences.js";
import { readDirectoryRecord } from "./directory-record.js";
import { appRoleItems, delegatedItems } from "./items.js";
import type { ProofNotRun } from "./not-run.js";
import type { AppTokenPort, ClientCredential } from "./port.js";
import { lookupSharePointTenant } from "./sharepoint-tenant.js";
import { type TokenWait, tokenErrorWait } from "./token-response.js";

export type VerificationStatus = "granted" | "pending" | "missing" | "unverifiable";

export interface VerificationItem {
  readonly resource: ResourceKey;
  readonly value: string;
  readonly kind: Permission["kind"];
  readonly status: VerificationStatus;
  readonly detail?: string;
}

export interface TokenCheck {
  readonly resource: ResourceKey;
  readonly audience: string;
  readonly ok: boolean;
  readonly roles: string[];
  readonly error?: { readonly code: string; readonly message: string };
}

export interface VerificationReport {
  /** False whenever `notRun` is set: a proof that did not run proves nothing. */
  readonly complete: boolean;
  readonly checkedAt: string;
  readonly items: VerificationItem[];
  readonly tokens: TokenCheck[];
  /** Set when no proof ran (no credential here to prove with), with why (verify/not-run.ts). */
  readonly notRun?: ProofNotRun;
}

export interface VerifyDeps extends RuntimePorts {
  readonly appToken: AppTokenPort;
  /** Reads the app's assignments and grants back (the admin's session, or the app's own token). */
  readonly graph?: GraphPort;
  /**
   * A GraphPort on the app's OWN access token, for reading the tenant's initial domain when no
   * SharePoint tenant name is given (Directory.ReadWrite.All may read /organization).
   */
  readonly appGraph?: (accessToken: string) => GraphPort;
  /** The run's retry policy for those Graph reads (BOXAFE_RETRY_BUDGET_SECONDS), else the default. */
  readonly retry?: Partial<RetryPolicy>;
}

export interface VerifyInput {
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: ClientCredential;
  readonly permissions: readonly Permission[];
  readonly sharePointTenant?: string;
  readonly cloud: CloudEndpoints;
  /** How long to keep polling for roles to appear (default 5 min). */
  readonly deadlineMs?: number;
  /**
   * How long a credential the token service does not know yet is retried (a new app, service
   * principal, secret or certificate takes a moment to replicate: AADSTS700016, 7000215, ...);
   * default 30 s. Answers that waiting cannot change (an expired secret) end the poll at once.
   */
  readonly credentialGraceMs?: number;
  /** Backoff between polls (default 2 s doubling to 15 s); a test against a fast sandbox polls sooner. */
  readonly poll?: { readonly baseMs: number; readonly capMs: number };
}

const POLL = retryPolicy({ baseMs: 2_000, capMs: 15_000 });

interface Acquired {
  readonly check: TokenCheck;
  /** The raw JWT, kept only in memory (the report never carries it). */
  readonly jwt?: string;
  /** For a refused token: whether waiting can help (core's token classifier). */
  readonly wait?: TokenWait;
  /** The error of a transient failure (network, 429, 5xx), for the outage's own error. */
  readonly transientError?: CoreError;
}

/**
 * The retry budget ran out with not one token issued and every last answer transient (unreachable,
 * throttled, 5xx): the proof did not run for want of the token service, which is an error naming
 * the outage, not a report of "pending" roles the admin could wait out. A poll its deadline ended
 * first (an API call, a fleet check with no polling) keeps its report ("Not checked" items).
 */
function throwOnTotalOutage(
  checks: readonly TokenCheck[],
  transient: ReadonlySet<ResourceKey>,
  last: CoreError | undefined,
  spentMs: number,
): void {
  if (last === undefined || checks.length === 0) return;
  if (!checks.every((t) => !t.ok && transient.has(t.resource))) return;
  const seconds = Math.round(spentMs / 1000);
  throw new CoreError(
    last.code,
    `Verification could not run: every token request failed for ${seconds} s (${last.message}) and the retry budget is spent; nothing was proven. Re-run when the token service answers.`,
    {
      cause: last,
      ...(last.status === undefined ? {} : { status: last.status }),
      ...(last.upstreamCode === undefined ? {} : { upstreamCode: last.upstreamCode }),
      ...(last.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: last.retryAfterSeconds }),
    },
  );
}

/**
 * A token the token service could not answer for now (network, throttling, 5xx) is asked again a few
 * times whatever the poll deadline: the poll waits for roles to appear, and a fleet check (deadline 0)
 * must not report a role missing because one token request of thousands met a dropped connection.
 */
const TRANSIENT_ATTEMPTS = 3;
const TRANSIENT = retryPolicy({ baseMs: 1_000, capMs: 4_000 });
/** A longer Retry-After than this is not waited out here; the resource is reported unchecked. */
const TRANSIENT_MAX_WAIT_MS = 30_000;

async function checkToken(
  deps: VerifyDeps,
  input: VerifyInput,
  resource: ResourceKey,
  audience: string,
  /** Transient failures are not asked again past this time (the outage's share of the retry budget). */
  retryUntil = Number.POSITIVE_INFINITY,
): Promise<Acquired> {
  for (let attempt = 1; ; attempt++) {
    try {
      const jwt = await deps.appToken.acquire({
        tenantId: input.tenantId,
        clientId: input.clientId,
        credential: input.credential,
        resource: audience,
      });
      const claims = decodeJwt(jwt);
      const roles = Array.isArray(claims.roles)
        ? claims.roles.filter((r): r is string => typeof r === "string")
        : [];
      return { check: { resource, audience, ok: true, roles }, jwt };
    } catch (error) {
      if (!isCoreError(error)) throw error;
      const wait = tokenErrorWait(error);
      const delay = Math.max(
        backoffMs(TRANSIENT, attempt - 1, deps.random),
        (error.retryAfterSeconds ?? 0) * 1000,
      );
      const inBudget = deps.clock.now() + delay <= retryUntil;
      if (wait === "retry" && attempt < TRANSIENT_ATTEMPTS && delay <= TRANSIENT_MAX_WAIT_MS && inBudget) {
        await deps.sleep(delay);
        continue;
      }
      return {
        check: {
          resource,
          audience,
          ok: false,
          roles: [],
          error: { code: error.code, message: error.message },
        },
        wait,
        ...(wait === "retry" ? { transientError: error } : {}),
      };
    }
  }
}

export async function verify(deps: VerifyDeps, input: VerifyInput): Promise<VerificationReport> {
  const start = deps.clock.now();
  const deadline = start + (input.deadlineMs ?? 300_000);
  const grace = start + (input.credentialGraceMs ?? 30_000);
  let sharePointTenant = input.sharePointTenant;
  let sharePointUnknown: string | undefined;
  const audienceOf = (key: ResourceKey) => audienceFor(key, input.cloud, sharePointTenant);
  const applicationPerms = input.permissions.filter((p) => p.kind === "application");
  const wantedKeys = [...new Set(applicationPerms.map((p) => p.resource))];
  // SharePoint joins once its tenant name is known.
  const provable = () => wantedKeys.filter((k) => audienceOf(k) !== undefined);
  const unfinished = (t: TokenCheck) =>
    !t.ok || applicationPerms.some((p) => p.resource === t.resource && !t.roles.includes(p.value));
  const tokens = new Map<ResourceKey, TokenCheck>();
  // Resources whose token was refused for good: polling them again cannot help.
  const final = new Set<ResourceKey>();
  // Resources whose last token request met a transient failure: their roles are unknown, not missing.
  const transient = new Set<ResourceKey>();
  const budgetMs = deps.retry?.budgetMs ?? defaultRetryPolicy.budgetMs;
  // When the rounds since this time waited on transient failures alone (see the loop's end).
  let outageSince: number | undefined;
  let lastTransient: CoreError | undefined;
  // True when the retry budget, not the deadline, ended the poll (a shorter deadline keeps its report).
  let budgetSpent = false;
  for (let attempt = 0; ; attempt++) {
    const roundStart = deps.clock.now();
    const todo = provable().filter((k) => {
      const t = tokens.get(k);
      return t === undefined || (unfinished(t) && !final.has(k));
    });
    const retryUntil = (outageSince ?? roundStart) + budgetMs;
    const acquired = await Promise.all(
      todo.map((k) => checkToken(deps, input, k, audienceOf(k) ?? "", retryUntil)),
    );
    // The SharePoint audience needs the tenant's name: read it with the app's first Graph token.
    const graphJwt = acquired.find((a) => a.check.resource === "microsoft-graph")?.jwt;
    if (sharePointTenant === undefined && wantedKeys.includes("sharepoint") && graphJwt !== undefined) {
      const found = deps.appGraph
        ? await lookupSharePointTenant({ ...deps, graph: deps.appGraph(graphJwt) })
        : undefined;
      if (found?.ok) {
        sharePointTenant = found.name;
        acquired.push(
          await checkToken(deps, input, "sharepoint", audienceOf("sharepoint") ?? "", retryUntil),
        );
      } else sharePointUnknown = found?.reason;
    }
    for (const a of acquired) {
      if (a.transientError) lastTransient = a.transientError;
      tokens.set(a.check.resource, a.check);
      if (a.wait === "final") final.add(a.check.resource);
      if (a.check.ok || a.wait !== "retry") transient.delete(a.check.resource);
      else transient.add(a.check.resource);
    }
    const waiting = acquired.filter((a) => unfinished(a.check) && a.wait !== "final");
    const propagating = waiting.some((a) => a.wait === "propagation");
    if (waiting.length === 0) break;
    const delay = backoffMs(input.poll ? retryPolicy(input.poll) : POLL, attempt, deps.random);
    // Waiting only on the network or 5xx/429 answers is an outage, not propagation: it is bounded by
    // the run's retry budget, not the (longer) poll deadline; anything else waiting restarts the count.
    outageSince = waiting.every((a) => a.wait === "retry") ? (outageSince ?? roundStart) : undefined;
    const outageSpent = outageSince !== undefined && deps.clock.now() + delay - outageSince > budgetMs;
    if (outageSpent) {
      budgetSpent = true;
      break;
    }
    if (deps.clock.now() + delay > deadline || (propagating && deps.clock.now() + delay > grace)) break;
    deps.progress?.({
      phase: "verify",
      message: `Waiting for permissions to reach the tokens (${todo.length} resource(s))`,
    });
    await deps.sleep(delay);
  }
  if (budgetSpent)
    throwOnTotalOutage([...tokens.values()], transient, lastTransient, deps.clock.now() - start);
  const record =
    deps.graph === undefined
      ? undefined
      : await readDirectoryRecord({ ...deps, graph: deps.graph }, input.clientId, input.permissions);
  const items = [
    ...appRoleItems(applicationPerms, tokens, record, {
      audienceOf,
      transient: new Set([...transient]),
      certificate: input.credential.kind !== "secret",
      ...(sharePointUnknown === undefined ? {} : { sharePointUnknown }),
    }),
    ...delegatedItems(
      input.permissions.filter((p) => p.kind === "delegated"),
      record,
    ),
  ];
  return {
    complete: items.every((i) => i.status === "granted" || i.status === "unverifiable"),
    checkedAt: new Date(deps.clock.now()).toISOString(),
    items,
    tokens: provable()
      .map((k) => tokens.get(k))
      .filter((t): t is TokenCheck => t !== undefined),
  };
}
