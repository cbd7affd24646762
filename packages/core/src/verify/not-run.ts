/**
 * A proof that did not run is its own verdict, never "complete": with no secret or private key here
 * (a re-run that keeps the app's credential, held elsewhere) no token can be asked for, so there is
 * nothing to count as granted. The report says so (`notRun`) and why, and adapters render that
 * reason instead of a green "complete" with zero items.
 */
import { z } from "zod";
import type { VerificationReport } from "./verify.js";

export const PROOF_NOT_RUN_REASONS = [
  "certificate-held-elsewhere",
  "secret-held-elsewhere",
  /** The web page without a verification service: a browser may not redeem the app's secret itself. */
  "no-token-service",
] as const;
export type ProofNotRunReason = (typeof PROOF_NOT_RUN_REASONS)[number];
export const proofNotRunReasonSchema = z.enum(PROOF_NOT_RUN_REASONS);

export interface ProofNotRun {
  readonly reason: ProofNotRunReason;
  /** One line for people: what did not run and why (no secret, no command of any adapter). */
  readonly message: string;
}

const MESSAGES: Readonly<Record<ProofNotRunReason, string>> = {
  "certificate-held-elsewhere": "not run: the certificate is held elsewhere",
  "secret-held-elsewhere":
    "not run: no secret here to prove with (the app keeps its secret from an earlier run, held elsewhere)",
  "no-token-service": "not run: no verification service here to ask for the app's tokens",
};

export function proofNotRun(reason: ProofNotRunReason): ProofNotRun {
  return { reason, message: MESSAGES[reason] };
}

/** The report of a proof that could not run: incomplete, no items, no tokens, and why. */
export function notRunReport(reason: ProofNotRunReason, checkedAt: string): VerificationReport {
  return { complete: false, checkedAt, items: [], tokens: [], notRun: proofNotRun(reason) };
}
