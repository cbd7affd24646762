/**
 * Proof, not hope: fresh client-credentials tokens per resource, their `roles` compared with the
 * profile's application permissions, delegated grants read back through Graph. Polls with backoff
 * until complete or the deadline; a wrong credential is a report, not a throw.
 */
import { decodeJwt } from "jose";
import { resourceByKey } from "../catalog/resources.js";
import type { Permission, ResourceKey } from "../catalog/types.js";
import type { CloudEndpoints } from "../clouds.js";
import { isCoreError } from "../errors.js";
import type { GraphPort } from "../graph/port.js";
import { backoffMs, retryPolicy } from "../graph/retry-policy.js";
import type { RuntimePorts } from "../ports.js";
import { audienceFor } from "./audiences.js";
import { type DirectoryRecord, readDirectoryRecord } from "./directory-record.js";
import type { AppTokenPort, ClientCredential } from "./port.js";

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
  readonly complete: boolean;
  readonly checkedAt: string;
  readonly items: VerificationItem[];
  readonly tokens: TokenCheck[];
}

export interface VerifyDeps extends RuntimePorts {
  readonly appToken: AppTokenPort;
  readonly graph?: GraphPort;
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
  /** How long a rejected credential is retried (a new secret takes a moment to replicate); default 30 s. */
  readonly credentialGraceMs?: number;
}

const SHAREPOINT_NEEDS_CERTIFICATE =
  "In the token; SharePoint REST calls with app-only tokens also need the app to sign in with a certificate.";

const POLL = retryPolicy({ baseMs: 2_000, capMs: 15_000 });

async function checkToken(
  deps: VerifyDeps,
  input: VerifyInput,
  resource: ResourceKey,
  audience: string,
): Promise<TokenCheck> {
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
    return { resource, audience, ok: true, roles };
  } catch (error) {
    if (!isCoreError(error)) throw error;
    return { resource, audience, ok: false, roles: [], error: { code: error.code, message: error.message } };
  }
}

function appRoleItems(
  wanted: readonly Permission[],
  tokens: ReadonlyMap<ResourceKey, TokenCheck>,
  record: DirectoryRecord | undefined,
  audienceOf: (key: ResourceKey) => string | undefined,
  final: boolean,
  certificate: boolean,
): VerificationItem[] {
  return wanted.map((p) => {
    const base = { resource: p.resource, value: p.value, kind: p.kind };
    const assigned = record?.assigned(p);
    if (audienceOf(p.resource) === undefined) {
      if (assigned === false)
        return { ...base, status: "missing", detail: "No app role assignment in the directory." };
      return {
        ...base,
        status: "unverifiable",
        detail: `No app token can prove ${resourceByKey(p.resource).name} access.`,
      };
    }
    const token = tokens.get(p.resource);
    if (token?.ok && token.roles.includes(p.value)) {
      return p.resource === "sharepoint" && !certificate
        ? { ...base, status: "granted", detail: SHAREPOINT_NEEDS_CERTIFICATE }
        : { ...base, status: "granted" };
    }
    if (!final) return { ...base, status: "pending" };
    if (token !== undefined && !token.ok) return { ...base, status: "missing", detail: token.error?.message };
    if (assigned === true)
      return { ...base, status: "pending", detail: "Assigned in the directory; not yet in the token." };
    return { ...base, status: "missing", detail: "Not in the token's roles." };
  });
}

function delegatedItems(
  wanted: readonly Permission[],
  record: DirectoryRecord | undefined,
): VerificationItem[] {
  return wanted.map((p) => {
    const base = { resource: p.resource, value: p.value, kind: p.kind };
    if (record === undefined)
      return { ...base, status: "unverifiable", detail: "Delegated grants are read through Graph." };
    return record.granted(p)
      ? { ...base, status: "granted" }
      : { ...base, status: "missing", detail: "Not in the tenant-wide delegated grant." };
  });
}

export async function verify(deps: VerifyDeps, input: VerifyInput): Promise<VerificationReport> {
  const start = deps.clock.now();
  const deadline = start + (input.deadlineMs ?? 300_000);
  const grace = start + (input.credentialGraceMs ?? 30_000);
  const audienceOf = (key: ResourceKey) => audienceFor(key, input.cloud, input.sharePointTenant);
  const applicationPerms = input.permissions.filter((p) => p.kind === "application");
  const keys = [...new Set(applicationPerms.map((p) => p.resource))].filter(
    (k) => audienceOf(k) !== undefined,
  );
  const tokens = new Map<ResourceKey, TokenCheck>();
  for (let attempt = 0; ; attempt++) {
    const todo = keys.filter((k) => {
      const t = tokens.get(k);
      return (
        t === undefined ||
        !t.ok ||
        applicationPerms.some((p) => p.resource === k && !t.roles.includes(p.value))
      );
    });
    const checks = await Promise.all(todo.map((k) => checkToken(deps, input, k, audienceOf(k) ?? "")));
    for (const check of checks) tokens.set(check.resource, check);
    const rejected = checks.some((c) => !c.ok && c.error?.code === "invalid_client_credentials");
    const incomplete = checks.some(
      (c) => !c.ok || applicationPerms.some((p) => p.resource === c.resource && !c.roles.includes(p.value)),
    );
    if (!incomplete) break;
    const delay = backoffMs(POLL, attempt, deps.random);
    if (deps.clock.now() + delay > deadline || (rejected && deps.clock.now() + delay > grace)) break;
    deps.progress?.({
      phase: "verify",
      message: `Waiting for permissions to reach the tokens (${todo.length} resource(s))`,
    });
    await deps.sleep(delay);
  }
  const record =
    deps.graph === undefined
      ? undefined
      : await readDirectoryRecord({ ...deps, graph: deps.graph }, input.clientId, input.permissions);
  const items = [
    ...appRoleItems(
      applicationPerms,
      tokens,
      record,
      audienceOf,
      true,
      input.credential.kind === "certificate",
    ),
    ...delegatedItems(
      input.permissions.filter((p) => p.kind === "delegated"),
      record,
    ),
  ];
  return {
    complete: items.every((i) => i.status === "granted" || i.status === "unverifiable"),
    checkedAt: new Date(deps.clock.now()).toISOString(),
    items,
    tokens: keys.map((k) => tokens.get(k)).filter((t): t is TokenCheck => t !== undefined),
  };
}
