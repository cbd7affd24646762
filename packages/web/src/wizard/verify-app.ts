/**
 * The verify effect in the browser: core's verify with app tokens from the token endpoint, or
 * every permission "not checkable" when this page did not make the secret.
 */
import type { CloudEndpoints, GraphPort, VerifyOutcome } from "@boxafe-connect/core";
import { sharePointTenantName, verify } from "@boxafe-connect/core";
import { browserAppTokenPort } from "../auth/app-token.js";
import { browserPorts } from "../platform.js";
import type { VerifyData } from "./driver-types.js";
import type { Reviewed } from "./review-tenant.js";
import { toVerifyData, unverifiableData } from "./verify-data.js";

const VERIFY_DEADLINE_MS = 120_000;

export interface VerifyAppInput {
  readonly graph: GraphPort;
  readonly authorityOrigin: string;
  readonly cloud: CloudEndpoints;
  readonly reviewed: Reviewed;
  readonly appId: string;
  /** The secret this page made, if it made one. */
  readonly secretText: string | undefined;
  readonly progress: (granted: number, total: number) => void;
}

export async function verifyApp(
  input: VerifyAppInput,
): Promise<{ readonly data: VerifyData; readonly outcome: VerifyOutcome }> {
  const { reviewed, secretText } = input;
  // Without the secret no app token can be asked for; say so instead of guessing.
  if (secretText === undefined) return unverifiableData(reviewed.permissions);
  const report = await verify(
    {
      ...browserPorts,
      graph: input.graph,
      appToken: browserAppTokenPort(input.authorityOrigin),
      progress: (e) => {
        if (e.phase === "verify" && typeof e.done === "number" && typeof e.total === "number") {
          input.progress(e.done, e.total);
        }
      },
    },
    {
      tenantId: reviewed.observed.organization.id,
      clientId: input.appId,
      credential: { kind: "secret", secret: secretText },
      permissions: reviewed.permissions,
      sharePointTenant: sharePointTenantName(reviewed.observed.organization.initialDomain),
      cloud: input.cloud,
      deadlineMs: VERIFY_DEADLINE_MS,
    },
  );
  return { data: toVerifyData(report), outcome: report };
}
