/** The app's secrets and certificates with their expiry (never a secret's value): `secret list`. */

import type { ObservedWithOrganization } from "../engine/observe.js";
import { CoreError } from "../errors.js";
import type { AppRequest } from "../requests/app-request.js";
import { isOurSecret } from "../tenant/secrets.js";
import { appKeyOf } from "./app-key.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { AdminPorts } from "./ports.js";
import { type ObserveOptions, observeTenant, reporting } from "./prepare.js";

const DAY_MS = 86_400_000;

export interface SecretRow {
  readonly keyId: string;
  readonly displayName: string | null;
  readonly hint: string | null;
  readonly startDateTime: string;
  readonly endDateTime: string;
  readonly expired: boolean;
  readonly daysLeft: number;
  readonly madeByBoxafeConnect: boolean;
}

export interface CertificateRow {
  readonly keyId: string;
  readonly displayName: string | null;
  readonly thumbprint: string | null;
  readonly endDateTime: string;
  readonly expired: boolean;
  readonly daysLeft: number;
}

export interface CredentialList {
  readonly tenantId: string;
  readonly app: { readonly appId: string; readonly displayName: string };
  readonly secrets: readonly SecretRow[];
  readonly certificates: readonly CertificateRow[];
}

/** Reads the tenant for the app a request names: no profile, no plan. */
export async function observeApp(
  ports: AdminPorts,
  request: AppRequest,
  emit: Emit = silent,
  options: ObserveOptions = {},
): Promise<ObservedWithOrganization> {
  emit({ type: "start", task: "observe" });
  const observed = await observeTenant(reporting(ports, emit), appKeyOf(request), options);
  emit({ type: "observed", observed });
  return observed;
}

export function requireApp(observed: ObservedWithOrganization, hint: string) {
  const app = observed.application;
  if (!app) throw new CoreError("not_found", `No such app in this tenant. ${hint}`);
  return app;
}

export async function listCredentials(
  ports: AdminPorts,
  request: AppRequest,
  emit: Emit = silent,
): Promise<CredentialList> {
  const now = ports.clock.now();
  const observed = await observeApp(ports, request, emit);
  const app = requireApp(observed, "Check --app-id or --app-name.");
  const daysLeft = (end: string) => Math.floor((Date.parse(end) - now) / DAY_MS);
  return {
    tenantId: observed.organization.id,
    app: { appId: app.appId, displayName: app.displayName },
    secrets: app.passwordCredentials.map((p) => ({
      keyId: p.keyId,
      displayName: p.displayName,
      hint: p.hint ?? null,
      startDateTime: p.startDateTime,
      endDateTime: p.endDateTime,
      expired: Date.parse(p.endDateTime) <= now,
      daysLeft: daysLeft(p.endDateTime),
      madeByBoxafeConnect: isOurSecret(p),
    })),
    certificates: app.keyCredentials.map((k) => ({
      keyId: k.keyId,
      displayName: k.displayName,
      thumbprint: k.customKeyIdentifier ?? null,
      endDateTime: k.endDateTime,
      expired: Date.parse(k.endDateTime) <= now,
      daysLeft: daysLeft(k.endDateTime),
    })),
  };
}
