/**
 * One tenant's health as an MSP reads it: a traffic light, the days until Boxafe's credential
 * expires, and each problem with its fix. Pure: built from the check, the token proof and the
 * workload calls that fleet check ran as the app itself.
 */
import type { VerificationReport } from "../verify/verify.js";
import type { WorkloadReport } from "../workloads/prove-workloads.js";

export type Light = "green" | "amber" | "red";

export type ProblemKind =
  | "not-onboarded"
  | "credential-refused"
  | "credential-expiring"
  | "credential-expired"
  | "missing-role"
  | "missing-consent"
  | "workload-blocked"
  | "workload-pending"
  | "check-failed";

export interface Problem {
  readonly kind: ProblemKind;
  readonly severity: Exclude<Light, "green">;
  readonly message: string;
  readonly fix: string;
}

export interface TenantHealth {
  readonly row: number;
  readonly tenant: string;
  readonly label: string;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly light: Light;
  /** Days until the newest credential Boxafe holds expires (negative: expired); undefined: none known. */
  readonly daysLeft?: number;
  readonly expiresAt?: string;
  readonly problems: readonly Problem[];
}

const DAY_MS = 86_400_000;
/** MSPs want a week's notice at red and a month's at amber (same thresholds as `check`'s 7/30). */
export const RED_DAYS = 7;
export const AMBER_DAYS = 30;

export function lightOf(problems: readonly Problem[]): Light {
  if (problems.some((p) => p.severity === "red")) return "red";
  return problems.length > 0 ? "amber" : "green";
}

export function expiryProblems(
  expiresAt: string | undefined,
  now: number,
): { daysLeft?: number; problems: Problem[] } {
  if (!expiresAt) return { problems: [] };
  const daysLeft = Math.floor((Date.parse(expiresAt) - now) / DAY_MS);
  const renew = "Run `boxafe-connect fleet rotate` (the app renews its own certificate, no admin sign-in).";
  if (daysLeft < 0) {
    return {
      daysLeft,
      problems: [
        {
          kind: "credential-expired",
          severity: "red",
          message: `The credential expired on ${expiresAt.slice(0, 10)}: backups have stopped.`,
          fix: "Run `boxafe-connect fleet setup` for this tenant (a new certificate needs an admin once the old one has expired).",
        },
      ],
    };
  }
  if (daysLeft <= RED_DAYS) {
    return {
      daysLeft,
      problems: [
        {
          kind: "credential-expiring",
          severity: "red",
          message: `The credential expires in ${daysLeft} day(s), on ${expiresAt.slice(0, 10)}.`,
          fix: renew,
        },
      ],
    };
  }
  if (daysLeft <= AMBER_DAYS) {
    return {
      daysLeft,
      problems: [
        {
          kind: "credential-expiring",
          severity: "amber",
          message: `The credential expires in ${daysLeft} days, on ${expiresAt.slice(0, 10)}.`,
          fix: renew,
        },
      ],
    };
  }
  return { daysLeft, problems: [] };
}

const REPAIR =
  "Run `boxafe-connect fleet setup` again for this tenant: it repairs what is missing and changes nothing else.";

/**
 * What the app's own proof says is missing: an application permission its fresh tokens lack
 * (consent removed, or never given) or a delegated grant the tenant no longer holds (revoked).
 */
export function proofProblems(report: VerificationReport): Problem[] {
  return (
    report.items
      // "unverifiable": no token can show it (a retired API such as OneNote app-only): not a tenant problem.
      .filter((i) => i.status === "pending" || i.status === "missing")
      .map(
        (i): Problem => ({
          kind: i.kind === "application" ? "missing-role" : "missing-consent",
          severity: i.status === "pending" ? "amber" : "red",
          message: `${i.kind === "application" ? "Admin consent" : "Delegated consent"} is ${i.status === "pending" ? "not yet visible" : "missing"} for ${i.resource} ${i.value}${i.detail ? ` (${i.detail.replace(/\.$/, "")})` : ""}.`,
          fix: REPAIR,
        }),
      )
  );
}

export function workloadProblems(report: WorkloadReport): Problem[] {
  return (["graph", "exchange", "sharepoint"] as const).flatMap((w): Problem[] => {
    const proof = report[w];
    if (proof.state === "works") return [];
    return [
      {
        kind: proof.state === "pending" ? "workload-pending" : "workload-blocked",
        severity: proof.state === "pending" ? "amber" : "red",
        message: `${w === "exchange" ? "Exchange (EWS)" : w === "sharepoint" ? "SharePoint" : "Microsoft Graph"} ${proof.state}: ${proof.why ?? proof.call}`,
        fix: proof.fix ?? REPAIR,
      },
    ];
  });
}
