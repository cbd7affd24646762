/**
 * check: the drift report for an existing app. What setup would change, consent counts, the app's
 * credentials and the advisories; drift means setup would repair something.
 */
import type { AdvisoryNote } from "../catalog/advisory-notes.js";
import { advisoryNotes } from "../catalog/advisory-notes.js";
import { type CredentialRow, credentialRows } from "../credentials/credential-rows.js";
import { CoreError } from "../errors.js";
import type { SetupRequest } from "../requests/setup-request.js";
import type { ConsentCounts } from "../tenant/consent-counts.js";
import { consentCounts } from "../tenant/consent-counts.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { AdminPorts } from "./ports.js";
import type { Prepared } from "./prepare.js";
import { prepare } from "./prepare.js";

export interface CheckResult extends Prepared {
  readonly drift: boolean;
  readonly tenantId: string;
  readonly app: { readonly appId: string; readonly displayName: string };
  readonly consent: ConsentCounts;
  readonly extraPermissions: readonly string[];
  /** Every secret and certificate with days left and its 60/30/7-day warning. */
  readonly credentials: readonly CredentialRow[];
  readonly advisories: readonly AdvisoryNote[];
}

export async function check(
  ports: AdminPorts,
  request: SetupRequest,
  emit: Emit = silent,
): Promise<CheckResult> {
  const prepared = await prepare(ports, request, emit);
  const app = prepared.observed.application;
  if (!app) {
    throw new CoreError(
      "not_found",
      "No such app in this tenant. Check --app-id or --app-name, or run setup.",
      {
        field: request.appId === undefined ? "displayName" : "appId",
      },
    );
  }
  const { summary } = prepared;
  return {
    ...prepared,
    // A credential nobody holds is drift too: setup replaces it.
    drift: prepared.plan.actions.length > 0 || summary.findings.some((f) => f.kind === "credential-unheld"),
    tenantId: prepared.observed.organization.id,
    app: { appId: app.appId, displayName: app.displayName },
    consent: consentCounts(prepared.observed, prepared.plan),
    extraPermissions: summary.findings.filter((f) => f.kind === "extra-permission").map((f) => f.message),
    credentials: credentialRows(app, ports.clock.now()),
    advisories: advisoryNotes(prepared.permissions, app.appId),
  };
}
