/**
 * The request of the workload proof when the caller holds no private key (the API's /v1/prove, fed by
 * the web page): the app, and either the 1.4 secret or one client assertion per workload that the
 * page signed with the certificate's key. proveInput checks each assertion's claims (see
 * signed-assertions.ts) before any token endpoint is asked, so a stale, reused or misdirected one is
 * refused naming its field.
 */
import { z } from "zod";
import type { CloudEndpoints } from "../clouds.js";
import { CoreError } from "../errors.js";
import type { WorkloadInput } from "../usecases/workloads.js";
import {
  type AssertionWorkload,
  checkAssertion,
  tokenEndpoint,
  workloadAudiences,
} from "../workloads/signed-assertions.js";
import { appIdField, sharePointTenantField, tenantIdField } from "./fields.js";

const jwtField = z
  .string()
  .max(16 * 1024, { error: "is longer than a client assertion can be" })
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, {
    error: "must be a signed JWT (header.payload.signature)",
  });

export const proveRequestSchema = z.strictObject({
  tenantId: tenantIdField,
  clientId: appIdField,
  credential: z.union(
    [
      z.strictObject({
        clientSecret: z
          .string()
          .min(1, { error: "The client secret is empty." })
          .max(1024, { error: "The client secret is longer than Entra makes them." }),
      }),
      z.strictObject({
        assertions: z.strictObject({
          graph: jwtField,
          exchange: jwtField,
          sharepoint: jwtField.optional(),
        }),
      }),
    ],
    { error: "give clientSecret, or assertions {graph, exchange, sharepoint}" },
  ),
  sharePointTenant: sharePointTenantField.optional(),
  mailbox: z
    .string()
    .max(320)
    .regex(/^[^\s@]+@[^\s@]+$/, { error: "must be a mailbox address (user@contoso.com)" })
    .optional(),
  /** The EWS step wrote the allow list: a policy 403 then means "pending", not "blocked". */
  ewsAllowed: z.boolean().default(false),
});

export type ProveRequest = z.output<typeof proveRequestSchema>;
export type ProveRequestInput = z.input<typeof proveRequestSchema>;

/**
 * The use case's input (proveApp) from a parsed request: the assertions keyed by the audience each
 * proof asks for, after their claims passed. Throws CoreError invalid_input naming the assertion.
 */
export function proveInput(
  request: ProveRequest,
  context: { readonly cloud: CloudEndpoints; readonly nowSeconds: number },
): WorkloadInput {
  const base = {
    tenantId: request.tenantId,
    clientId: request.clientId,
    sharePointTenant: request.sharePointTenant,
    ewsAllowed: request.ewsAllowed,
    ...(request.mailbox === undefined ? {} : { mailbox: request.mailbox }),
  };
  if ("clientSecret" in request.credential) {
    return { ...base, credential: { kind: "secret", secret: request.credential.clientSecret } };
  }
  const assertions = request.credential.assertions;
  const audiences = workloadAudiences(context.cloud, request.sharePointTenant);
  const expected = {
    clientId: request.clientId,
    audience: tokenEndpoint(context.cloud.authorityHost, request.tenantId),
    nowSeconds: context.nowSeconds,
  };
  const byResource: Record<string, string> = {};
  const jtis = new Set<string>();
  const workloads: readonly AssertionWorkload[] = ["graph", "exchange", "sharepoint"];
  for (const workload of workloads) {
    const jwt = assertions[workload];
    const audience = audiences[workload];
    const field = `credential.assertions.${workload}`;
    if (audience === undefined) continue;
    if (jwt === undefined) {
      throw new CoreError(
        "invalid_input",
        `Sign a ${workload} assertion too (the proof calls ${audience}).`,
        {
          field,
        },
      );
    }
    const checked = checkAssertion(jwt, expected);
    if (!checked.ok)
      throw new CoreError("invalid_input", `The ${workload} assertion ${checked.why}`, { field });
    if (jtis.has(checked.claims.jti)) {
      throw new CoreError(
        "invalid_input",
        `The ${workload} assertion reuses another one's jti; sign each anew.`,
        {
          field,
        },
      );
    }
    jtis.add(checked.claims.jti);
    byResource[audience] = jwt;
  }
  return { ...base, credential: { kind: "assertions", byResource } };
}
