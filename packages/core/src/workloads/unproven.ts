/**
 * The honest end where no real workload call can be made (the web page: a browser cannot reach EWS
 * or SharePoint REST across origins, nor sign a certificate assertion it did not make): what is known
 * from the token proof and the credentials, and the command that proves the rest.
 */
import type { ProofNotRun } from "../verify/not-run.js";
import type { WorkloadProof, WorkloadReport } from "./prove-workloads.js";

export interface UnprovenInput {
  /** Every app role showed in fresh tokens (the token proof). */
  readonly tokensComplete: boolean;
  /** The app has a certificate Boxafe 1.5 holds (made on this page). */
  readonly certificate: boolean;
  readonly clientId: string;
  /** The token proof did not run (no credential or no token service here): Graph is unproven, never "works". */
  readonly tokensNotRun?: ProofNotRun;
}

export function unprovenReport(input: UnprovenInput): WorkloadReport {
  const verify = `boxafe-connect verify --app-id ${input.clientId}`;
  const graph: WorkloadProof = input.tokensNotRun
    ? {
        state: "pending",
        call: "none (no app token asked for)",
        why: `Token proof ${input.tokensNotRun.message}.`,
        fix: `${verify} proves it where the credential is.`,
      }
    : input.tokensComplete
      ? { state: "works", call: "fresh app tokens for Microsoft Graph (every role present)" }
      : {
          state: "pending",
          call: "fresh app tokens",
          why: "Some roles have not reached the tokens yet.",
          fix: "Check again in a few minutes.",
        };
  const exchange: WorkloadProof = {
    state: "blocked",
    call: "none (a browser cannot call EWS)",
    why: "Exchange Online lets only the apps on the organization's EWS allow list use EWS (since 2026-10-01); this page cannot change or test that list.",
    fix: `Run boxafe-connect ews allow (or Microsoft's read-merge-write in Exchange Online PowerShell), then ${verify} proves it.`,
  };
  const sharepoint: WorkloadProof = input.certificate
    ? {
        state: "pending",
        call: "none (a browser cannot call SharePoint REST)",
        why: "The certificate is on the app; a real SharePoint call has not been made yet.",
        fix: `${verify} --certificate-file <the PEM you downloaded>`,
      }
    : {
        state: "blocked",
        call: "none",
        why: "SharePoint refuses app tokens got with a client secret since 2026-04-02.",
        fix: "Make the certificate in the SharePoint step and give Boxafe 1.5 or later the PFX.",
      };
  return {
    graph,
    exchange,
    sharepoint,
    ready: { graph: graph.state, exchange: exchange.state, sharepoint: sharepoint.state },
  };
}
