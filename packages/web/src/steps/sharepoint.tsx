import { Show } from "solid-js";
import { Busy } from "../components/busy.js";
import { CertificatePanel } from "../components/certificate-panel.js";
import { StepHeading } from "../components/step-heading.js";
import { ErrorView } from "../error-view.js";
import type { CertificateView } from "../sharepoint/use-certificate.js";
import type { StepBase } from "./types.js";

/**
 * The guide's SharePoint appendix. Microsoft retired the appinv.aspx (Azure ACS) trust on
 * 2026-04-02; SharePoint REST app-only now needs a certificate, which this step creates.
 */
export function SharePointStep(
  props: StepBase & {
    readonly appId: string;
    readonly url?: string | undefined;
    readonly certificate: CertificateView;
    readonly onCreateCertificate: (pfxPassword: string) => void;
    readonly onConfirm: () => void;
    readonly onSkip: () => void;
  },
) {
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>SharePoint (optional)</StepHeading>
      <p class="lead">
        Boxafe reaches SharePoint through Microsoft Graph with the permissions already granted. SharePoint
        REST app-only access needs a certificate instead of the secret: the guide's last step,{" "}
        <code>appinv.aspx</code>, was retired by Microsoft on 2026-04-02.
      </p>
      <Busy text={props.phase === "working" ? "Preparing the SharePoint values…" : undefined} />
      <Show when={props.phase === "error" && props.error}>
        {(error) => <ErrorView error={error()} onAction={props.onErrorAction} />}
      </Show>
      <CertificatePanel
        phase={props.certificate.phase}
        enabled={props.phase === "done"}
        error={props.certificate.error}
        made={props.certificate.made}
        onCreate={props.onCreateCertificate}
        onErrorAction={props.onErrorAction}
      />
      <div class="callout" data-testid="sharepoint-advice">
        <p>
          From the command line instead:{" "}
          <code>boxafe-connect sharepoint --app-id {props.appId} --certificate</code> adds a certificate and
          writes the same files.
        </p>
        <Show when={props.url}>
          <p>
            For a tenant that still allows the legacy trust, the page was{" "}
            <code data-testid="appinv-url">{props.url}</code> (App Id <code>{props.appId}</code>).
          </p>
        </Show>
      </div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => props.onConfirm()}
          disabled={props.phase !== "done" || props.certificate.phase === "working"}
        >
          Done
        </button>
        <button type="button" onClick={() => props.onSkip()} disabled={props.certificate.phase === "working"}>
          Skip
        </button>
      </div>
    </section>
  );
}
