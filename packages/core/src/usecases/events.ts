/**
 * What a use case reports while it runs. Adapters render these (a spinner per task, the wizard's
 * rail, JSON lines) and decide nothing from them. `credential` comes as soon as a new secret or
 * certificate exists and before anything else can fail (verification, files), so the adapter can
 * hand it to the admin first: a credential must never be lost.
 */

import type { NewSecret } from "../engine/add-password.js";
import type { ApplyResult } from "../engine/apply.js";
import type { ObservedWithOrganization } from "../engine/observe.js";
import type { ProgressEvent } from "../ports.js";
import type { ApplyStep } from "../steps/steps.js";
import type { PlanSummary } from "../tenant/describe.js";
import type { VerificationReport } from "../verify/verify.js";

export type Task = "observe" | "make-certificate" | "apply" | "verify" | "rotate" | "retire" | "remove";

export type UseCaseEvent =
  | { readonly type: "start"; readonly task: Task; readonly total?: number }
  | { readonly type: "observed"; readonly observed: ObservedWithOrganization }
  | { readonly type: "planned"; readonly summary: PlanSummary }
  | { readonly type: "apply-step"; readonly step: ApplyStep }
  | { readonly type: "applied"; readonly result: ApplyResult; readonly total: number }
  | {
      readonly type: "credential";
      readonly clientId: string;
      readonly tenantId: string;
      readonly secret?: NewSecret;
      readonly certificate?: { readonly thumbprint: string; readonly notAfter: string };
    }
  | {
      readonly type: "verify-progress";
      readonly granted: number;
      readonly total: number;
      readonly message: string;
    }
  | { readonly type: "verified"; readonly report: VerificationReport }
  | { readonly type: "done"; readonly task: Task; readonly detail?: string }
  /** The engine's own detail (batches, retries): a debug line. */
  | { readonly type: "progress"; readonly event: ProgressEvent };

export type Emit = (event: UseCaseEvent) => void;

export const silent: Emit = () => {};
