/** Core's verification report in the verify views' terms (API names instead of resource keys). */
import type { VerificationReport } from "@boxafe-connect/core";
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
