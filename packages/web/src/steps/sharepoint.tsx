import { Show } from "solid-js";
import { Busy } from "../components/busy.js";
import { StepHeading } from "../components/step-heading.js";
import { ErrorView } from "../error-view.js";
import type { StepBase } from "./types.js";

/**
 * The guide's SharePoint appendix (appinv.aspx). Microsoft retired that Azure ACS trust on
 * 2026-04-02; SharePoint REST app-only now needs a certificate, which this page does not create.
 */
export function SharePointStep(
  props: StepBase & {
    readonly appId: string;
    readonly url?: string | undefined;
    readonly onConfirm: () => void;
    readonly onSkip: () => void;
  },
) {
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>SharePoint (optional)</StepHeading>
      <p class="lead">
        The guide's last step trusts the app on <code>appinv.aspx</code>. Microsoft retired that Azure ACS
        trust on 2026-04-02: it no longer works. Boxafe reaches SharePoint through Microsoft Graph with the
        permissions already granted; SharePoint REST app-only access needs a certificate instead of the
        secret.
      </p>
      <Busy text={props.phase === "working" ? "Preparing the SharePoint values…" : undefined} />
      <Show when={props.phase === "error" && props.error}>
        {(error) => <ErrorView error={error()} onAction={props.onErrorAction} />}
      </Show>
      <div class="callout" data-testid="sharepoint-advice">
        <h3>Need SharePoint REST access?</h3>
        <p>
          This page does not create certificates. Run{" "}
          <code>boxafe-connect sharepoint --app-id {props.appId} --certificate</code> from the command line:
          it adds a certificate to the app and writes the PEM and PFX files for Boxafe.
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
          disabled={props.phase !== "done"}
        >
          Done
        </button>
        <button type="button" onClick={() => props.onSkip()}>
          Skip
        </button>
      </div>
    </section>
  );
}
