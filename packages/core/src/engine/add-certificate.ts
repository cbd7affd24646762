/**
 * The first certificate cannot go through addKey (that needs a proof signed by an existing one),
 * so it is added by PATCHing keyCredentials, which replaces the whole collection: the existing keys
 * are re-sent with their key material. A fixed keyId makes a re-sent PATCH idempotent.
 */
import type { GraphDeps, RetryBudget, RunRequest } from "../graph/batch-runner.js";
import { runRequests } from "../graph/batch-runner.js";
import type { Action, KeyCredential } from "../tenant/model.js";
import { arr, obj, readKey } from "./graph-shapes.js";

type AddCertificate = Extract<Action, { type: "add-certificate" }>;

/** Existing keys with their material; Graph returns `key` only for `$select=keyCredentials` on one object. */
export async function keysWithMaterial(
  deps: GraphDeps,
  appObjectId: string,
  observed: readonly KeyCredential[],
  budget: RetryBudget,
): Promise<readonly KeyCredential[]> {
  if (observed.every((k) => typeof k.key === "string" && k.key !== "")) return observed;
  const read = await runRequests(
    deps,
    [
      {
        id: "keys",
        method: "GET",
        url: `/applications/${appObjectId}?$select=keyCredentials`,
        lagOn404: true,
      },
    ],
    budget,
  );
  const result = read.get("keys");
  const body = result !== undefined && result.kind === "ok" ? result.response.body : undefined;
  return arr(obj(body).keyCredentials).map(readKey);
}

export function wireKey(key: KeyCredential): Record<string, unknown> {
  return {
    keyId: key.keyId,
    type: key.type,
    usage: key.usage,
    key: key.key,
    displayName: key.displayName,
    ...(key.customKeyIdentifier ? { customKeyIdentifier: key.customKeyIdentifier } : {}),
  };
}

export function addCertificateRequest(
  appObjectId: string,
  existing: readonly KeyCredential[],
  action: AddCertificate,
  keyId: string,
): RunRequest {
  const others = existing.filter((k) => k.keyId !== keyId).map(wireKey);
  return {
    id: "add-certificate",
    method: "PATCH",
    url: `/applications/${appObjectId}`,
    body: {
      keyCredentials: [
        ...others,
        {
          keyId,
          type: "AsymmetricX509Cert",
          usage: "Verify",
          key: action.derBase64,
          displayName: action.displayName,
        },
      ],
    },
    lagOn404: true,
  };
}
