/** The EWS policy, the change in words and the PowerShell, as terminal lines. */
import type { EwsAllowResult, EwsPolicy, EwsStatusResult, WorkloadProof } from "@boxafe-connect/core";
import { printable } from "@boxafe-connect/core";
import type { Style } from "../style.js";

const list = (values: readonly string[] | null) =>
  values === null ? "$null" : values.length === 0 ? "(empty)" : values.map((v) => printable(v)).join(", ");

export function policyLines(policy: EwsPolicy): string[] {
  return [
    `  EwsEnabled                  ${policy.ewsEnabled === null ? "$null" : policy.ewsEnabled ? "$true" : "$false"}`,
    `  EwsAllowedAppIDs            ${list(policy.allowedAppIds)}`,
    `  EwsApplicationAccessPolicy  ${policy.applicationAccessPolicy ?? "$null"}`,
    `  EwsAllowList                ${list(policy.allowList)}`,
    `  EwsBlockList                ${list(policy.blockList)}`,
  ];
}

/** "works" | "pending (up to 24 h)" | "blocked: why" for the EWS line of check, status and the end screen. */
export function ewsProofLine(proof: WorkloadProof, style: Style): string {
  if (proof.state === "works")
    return style.green("EWS works: GetFolder of a mailbox's inbox answered as the app.");
  if (proof.state === "pending") return style.yellow(`EWS pending (up to 24 h): ${proof.why ?? ""}`);
  return style.red(`EWS blocked: ${proof.why ?? ""}${proof.fix ? ` Fix: ${proof.fix}` : ""}`);
}

export function ewsStatusLines(result: EwsStatusResult, style: Style): string[] {
  return [
    style.bold("Exchange Online EWS policy (Get-OrganizationConfig -RetrieveEwsOperationAccessPolicy):"),
    ...policyLines(result.policy),
    result.state === "allowed"
      ? style.green("The policy lets this app use EWS.")
      : style.red("The policy blocks this app: run 'boxafe-connect ews allow'."),
    ...result.notes.map((n) => `  ${n}`),
  ];
}

export function ewsChangeLines(result: EwsAllowResult, style: Style): string[] {
  const lines = [
    style.bold("What changes for the apps in this tenant:"),
    ...result.change.effects.map((e) => `  - ${e}`),
  ];
  if (result.change.write) {
    lines.push(
      style.bold("The write (Set-OrganizationConfig, the whole list):"),
      `  -EwsAllowedAppIDs ${result.change.write.EwsAllowedAppIDs.join(",")} -EwsEnabled $true`,
    );
  }
  return lines;
}

export function powerShellLines(script: string, style: Style): string[] {
  return [
    style.bold("The same in Exchange Online PowerShell (read, merge, write):"),
    ...script.split("\n").map((l) => `  ${l}`),
  ];
}
