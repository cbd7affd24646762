import type { UnheldCertificate } from "@boxafe-connect/core";
import { For, Show } from "solid-js";
import { Busy } from "../components/busy.js";
import { CertificatePanel } from "../components/certificate-panel.js";
import { StepHeading } from "../components/step-heading.js";
import { ErrorView } from "../error-view.js";
import type { CertificateView } from "../sharepoint/use-certificate.js";
import type { HandOverAction } from "../wizard/held-rule.js";
import type { StepBase } from "./types.js";

/**
 * The guide's SharePoint appendix. Microsoft retired the appinv.aspx (Azure ACS) trust on
 * 2026-04-02; SharePoint REST app-only now needs a certificate, which this step creates. A made
 * certificate is held by held-rule.ts (a PEM or PFX downloaded, or "I have saved the PFX"): until
 * then the step does not move on, since its private key is in this page only.
 */
export function SharePointStep(
  props: StepBase & {
    readonly appId: string;
    readonly url?: string | undefined;
    readonly certificate: CertificateView;
    /** Boxafe 1.5's certificate, handed over and on the app: it already gives SharePoint access. */
    readonly reused?: { readonly thumbprint: string; readonly notAfter: string } | undefined;
    /** Certificates made here earlier whose key never reached anyone (a reload lost it). */
    readonly lost?: readonly UnheldCertificate[] | undefined;
    readonly onCreateCertificate: (pfxPassword: string) => void;
    /** A download or "I have saved the PFX" (held-rule.ts decides whether it holds the key). */
    readonly onCertificateAction?: ((action: HandOverAction) => void) | undefined;
    readonly onConfirm: () => void;
    readonly onSkip: () => void;
  },
) {
  const made = () => props.certificate.made;
  // Made but its key not yet in the admin's hands (or its pending mark not yet cleared).
  const unheld = () => made() !== undefined && props.certificate.held !== true;
  const confirm = () => props.onCertificateAction?.({ kind: "confirm" });
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
      <Show when={!made() && (props.lost ?? []).length > 0}>
        <div class="callout" data-testid="sharepoint-lost" role="status">
          <h3>A certificate made here earlier is lost</h3>
          <p>
            Its files were never downloaded, and its private key was only in the page that was reloaded or
            closed: nobody can use it. It is still on the app, marked as never handed over:
          </p>
          <ul>
            <For each={props.lost}>
              {(key) => (
                <li>
                  thumbprint <code>{key.thumbprint ?? `keyId ${key.keyId}`}</code>, added{" "}
                  {key.startDateTime.slice(0, 10)}
                </li>
              )}
            </For>
          </ul>
          <p>
            Create a new certificate below and download its PEM or PFX: the lost one is then removed from the
            app. If you skip, it stays unused on the app until the next certificate is handed over (
            <code>boxafe-connect sharepoint --app-id {props.appId} --certificate</code>);{" "}
            <code>boxafe-connect check</code> lists it.
          </p>
        </div>
      </Show>
      <Show when={!made() && props.reused}>
        {(reused) => (
          <div class="callout ok" data-testid="sharepoint-reused">
            <h3>Boxafe's certificate gives SharePoint access</h3>
            <p>
              The certificate Boxafe 1.5 takes (thumbprint <code>{reused().thumbprint}</code>, valid until{" "}
              {reused().notAfter.slice(0, 10)}) is on the app and works for SharePoint REST app-only too:
              nothing to add. Create another one below only if you need a separate certificate for SharePoint.
            </p>
          </div>
        )}
      </Show>
      <CertificatePanel
        phase={props.certificate.phase}
        enabled={props.phase === "done"}
        error={props.certificate.error}
        made={made()}
        onCreate={props.onCreateCertificate}
        onDownload={(file) => props.onCertificateAction?.({ kind: "download", file })}
        onErrorAction={props.onErrorAction}
      />
      <Show when={unheld()}>
        <div class="callout" data-testid="certificate-unheld">
          <p role="status">
            {props.certificate.holding
              ? "Recording that you have the key…"
              : "Download the PEM or the PFX, or say you saved the PFX, before you go on: the private key is in this page only, and a reload or leaving the page loses it."}
          </p>
          <Show when={props.certificate.heldError}>
            {(error) => (
              <ErrorView
                error={error()}
                // The key is downloaded; "Try again" records it in the tenant again.
                onAction={(action) => (action === "retry" ? confirm() : props.onErrorAction(action))}
                exclude={["check"]}
              />
            )}
          </Show>
          <div class="actions">
            <button type="button" onClick={confirm} disabled={props.certificate.holding === true}>
              I have saved the PFX
            </button>
          </div>
        </div>
      </Show>
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
          // Done marks SharePoint trusted (the rail's tick): only with a certificate the admin holds;
          // appinv.aspx is retired, so nothing else here makes SharePoint work. Otherwise: Skip.
          disabled={props.phase !== "done" || (props.certificate.held !== true && !(props.reused && !made()))}
        >
          Done
        </button>
        <button
          type="button"
          onClick={() => props.onSkip()}
          disabled={props.certificate.phase === "working" || unheld()}
        >
          Skip
        </button>
      </div>
    </section>
  );
}
