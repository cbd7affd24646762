import { StepHeading } from "../components/step-heading.js";

/**
 * Guide step 16 (SharePoint trust). The appinv.aspx trust (Azure ACS) stopped working on 2026-04-02;
 * SharePoint REST app-only now needs a certificate, which this page does not create. Say so.
 */
export function SharePointStep(props: { readonly appId: string; readonly onBack: () => void }) {
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>SharePoint (optional)</StepHeading>
      <p class="lead">
        The guide's last step trusts the app on <code>appinv.aspx</code>. Microsoft retired that Azure ACS
        trust on 2026-04-02: it no longer works. Boxafe reaches SharePoint through Microsoft Graph with the
        permissions already granted; SharePoint REST app-only access needs a certificate instead of the
        secret.
      </p>
      <div class="callout" data-testid="sharepoint-advice">
        <h3>Need SharePoint REST access?</h3>
        <p>
          This page does not create certificates. Run{" "}
          <code>boxafe-connect sharepoint --app-id {props.appId} --certificate</code> from the command line:
          it adds a certificate to the app and writes the PEM and PFX files for Boxafe.
        </p>
      </div>
      <div class="actions">
        <button type="button" class="primary" onClick={() => props.onBack()}>
          Back to the values
        </button>
      </div>
    </section>
  );
}
