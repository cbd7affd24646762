/**
 * The end panel wired to the wizard: the app and tenant from core's state, the credential this tab
 * made (Boxafe 1.5's certificate, else 1.4's secret; both in memory only), and the proof service's
 * deps from the page's configuration. Without a proof service the caller shows core's unproven end.
 */
import type { JSX } from "solid-js";
import type { WebConfig } from "../config.js";
import type { ErrorAction } from "../error-view.js";
import type { SessionExtras } from "../wizard/driver-types.js";
import type { Wizard } from "../wizard/use-wizard.js";
import { EndPanel } from "./end-panel.js";
import { pageProveDeps } from "./page-prove.js";
import type { ProofCredential } from "./prove-client.js";
import { useWorkloads } from "./use-workloads.js";

/** What Boxafe holds from this tab: the 1.5 certificate (key in page memory) or the 1.4 secret. */
export function heldCredential(extras: SessionExtras): ProofCredential | undefined {
  const certificate = extras.certificate;
  if (certificate) {
    return {
      kind: "certificate",
      privateKeyPem: certificate.privateKeyPem,
      derBase64: certificate.derBase64,
    };
  }
  return extras.secret ? { kind: "secret", secret: extras.secret.text } : undefined;
}

/** The end panel, or undefined when this deployment has no proof service (proveApi). */
export function endOfSetup(
  config: WebConfig,
  wizard: Wizard,
  onErrorAction: (action: ErrorAction) => void,
): (() => JSX.Element) | undefined {
  const prove = pageProveDeps(config);
  if (prove === undefined) return undefined;
  const cloud = prove.cloud;
  const workloads = useWorkloads({ ewsApi: config.ewsApi, prove });
  return () => {
    const state = wizard.state();
    const extras = wizard.extras();
    return (
      <EndPanel
        workloads={workloads}
        target={{
          tenantId: state.handOver?.tenantId ?? "",
          clientId: state.handOver?.clientId ?? "",
          sharePointTenant: extras.sharePointTenant,
          initialDomain: extras.initialDomain ?? "",
          adminUpn: state.account?.username,
          cloud,
        }}
        credential={heldCredential(extras)}
        canAllow={config.ewsApi !== undefined && extras.initialDomain !== undefined}
        onErrorAction={onErrorAction}
      />
    );
  };
}
