/** Core's verification report in the verify views' terms (API names instead of resource keys). */
import type { Permission, VerificationReport } from "@boxafe-connect/core";
import { resourceByKey } from "@boxafe-connect/core";
import type { VerifyData } from "./driver-types.js";

export function toVerifyData(report: VerificationReport): VerifyData {
  return {
    complete: report.complete,
    rows: report.items.map((i) => ({ ...i, resource: resourceByKey(i.resource).name })),
    tokens: report.tokens.map((t) => ({
      resource: resourceByKey(t.resource).name,
      ok: t.ok,
      roles: t.roles.length,
      error: t.error?.message,
    })),
  };
}

/** Every permission "not checkable": the page has no secret to ask for the app's tokens with. */
export function unverifiableData(permissions: readonly Permission[]) {
  const items = permissions.map((p) => ({
    resource: p.resource,
    value: p.value,
    kind: p.kind,
    status: "unverifiable" as const,
  }));
  const data: VerifyData = {
    complete: true,
    rows: items.map((i) => ({ ...i, resource: resourceByKey(i.resource).name })),
    tokens: [],
    note: "This page did not make the app's secret, so it cannot ask for the app's tokens. Boxafe proves the secret when you add the domain, or run `boxafe-connect verify`.",
  };
  return { data, outcome: { complete: true, items } };
}
