import type { KeptCertificate } from "@boxafe-connect/core";
import { createSignal, Show } from "solid-js";
import type { CopyFn } from "../components/copy-field.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import { HandOverCard } from "../components/hand-over-card.js";
import { KeptCertificatePanel } from "../components/kept-certificate-panel.js";
import { StepHeading } from "../components/step-heading.js";
import type { TokenRow, VerifyRow } from "../components/verify-results.js";
import { VerifyResults, verifySummary } from "../components/verify-results.js";

/** Guide step 16: the three values for Boxafe's "Add new Domain" window. */
export function HandOverStep(props: {
  readonly values: HandOverValues;
  readonly copy?: CopyFn | undefined;
  /** The verification that ran just before, shown as proof. */
  readonly verify?:
    | {
        readonly rows: readonly VerifyRow[];
        readonly tokens: readonly TokenRow[];
        readonly note?: string | undefined;
        /** The token proof did not run (core's verify/not-run.ts): never the green "verified". */
        readonly notRun?: { readonly message: string } | undefined;
      }
    | undefined;
  /** The new secret still has to be acknowledged before the wizard moves on. */
  readonly secretPending: boolean;
  readonly canSharePoint: boolean;
  readonly canFinish: boolean;
  readonly onSecretSaved: () => void;
  /** The certificate's key is in the admin's hands (held-rule.ts): its pending mark can go. */
  readonly onCertificateHeld: () => void;
  readonly onSharePoint: () => void;
  readonly onFinish: () => void;
  /** The app's certificate core kept (held elsewhere), and the admin's way to a new one instead. */
  readonly kept?: KeptCertificate | undefined;
  readonly onNewCertificate?: () => void;
}) {
  // Held by held-rule.ts (the card applies it): the secret copied or a key file downloaded; the
  // buttons below are its "confirm". Offered on screen alone leaves the mark (a reload: unheld).
  const [keyHeld, setKeyHeld] = createSignal(false);
  const held = () => {
    if (props.secretPending) props.onSecretSaved();
    else if (props.values.certificate) {
      setKeyHeld(true);
      props.onCertificateHeld();
    }
  };
  // Boxafe 1.5's new certificate: the step does not move on until its key is held (held-rule.ts), as
  // a secret must be saved first; leaving with it unheld would lose the key with this page.
  const keyPending = () => props.values.certificate !== undefined && !keyHeld();
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>Add the domain in Boxafe</StepHeading>
      <p class="lead">In Boxafe, open Add new Domain and paste these values.</p>
      <Show when={props.verify}>
        {(v) => (
          <div class={`callout ${v().note || v().notRun ? "" : "ok"}`} data-testid="verify-result">
            <Show when={v().notRun}>
              {(n) => <p data-testid="verify-not-run">Token proof {n().message}.</p>}
            </Show>
            <Show when={v().note !== undefined || v().notRun === undefined}>
              <p>{v().note ?? `Verified with real tokens: ${verifySummary(v().rows)}.`}</p>
            </Show>
            <details>
              <summary>Show the verification</summary>
              <VerifyResults rows={v().rows} tokens={v().tokens} />
            </details>
          </div>
        )}
      </Show>
      <HandOverCard values={props.values} copy={props.copy} onHeld={held} />
      <Show when={keyPending()}>
        <p class="hint" id="key-pending-hint" role="status" data-testid="key-pending">
          Download the PFX or the PEM (the CER has no key), or say you saved the PFX, before you go on: the
          private key is in this page only, and leaving or reloading it loses the key.
        </p>
      </Show>
      <Show when={props.kept}>
        {(kept) => <KeptCertificatePanel kept={kept()} onNewCertificate={props.onNewCertificate} />}
      </Show>
      <div class="actions">
        <Show when={props.secretPending}>
          <button type="button" class="primary" onClick={() => props.onSecretSaved()}>
            I have saved the secret
          </button>
        </Show>
        <Show when={keyPending()}>
          <button type="button" onClick={() => held()}>
            I have saved the PFX
          </button>
        </Show>
        <Show when={props.canFinish}>
          <button
            type="button"
            class="primary"
            onClick={() => props.onFinish()}
            disabled={keyPending()}
            aria-describedby={keyPending() ? "key-pending-hint" : undefined}
          >
            Finish
          </button>
        </Show>
        <Show when={props.canSharePoint}>
          <button type="button" onClick={() => props.onSharePoint()} disabled={keyPending()}>
            SharePoint (optional)
          </button>
        </Show>
      </div>
    </section>
  );
}
