import { Show } from "solid-js";
import type { CopyFn } from "../components/copy-field.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import { HandOverCard } from "../components/hand-over-card.js";
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
      }
    | undefined;
  /** The new secret still has to be acknowledged before the wizard moves on. */
  readonly secretPending: boolean;
  readonly canSharePoint: boolean;
  readonly canFinish: boolean;
  readonly onSecretSaved: () => void;
  readonly onSharePoint: () => void;
  readonly onFinish: () => void;
}) {
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>Add the domain in Boxafe</StepHeading>
      <p class="lead">In Boxafe, open Add new Domain and paste these values.</p>
      <Show when={props.verify}>
        {(v) => (
          <div class={`callout ${v().note ? "" : "ok"}`} data-testid="verify-result">
            <p>{v().note ?? `Verified with real tokens: ${verifySummary(v().rows)}.`}</p>
            <details>
              <summary>Show the verification</summary>
              <VerifyResults rows={v().rows} tokens={v().tokens} />
            </details>
          </div>
        )}
      </Show>
      <HandOverCard
        values={props.values}
        copy={async (text) => {
          await (props.copy ?? ((t: string) => navigator.clipboard.writeText(t)))(text);
          if (props.secretPending && text === props.values.secret?.text) props.onSecretSaved();
        }}
      />
      <div class="actions">
        <Show when={props.secretPending}>
          <button type="button" class="primary" onClick={() => props.onSecretSaved()}>
            I have saved the secret
          </button>
        </Show>
        <Show when={props.canFinish}>
          <button type="button" class="primary" onClick={() => props.onFinish()}>
            Finish
          </button>
        </Show>
        <Show when={props.canSharePoint}>
          <button type="button" onClick={() => props.onSharePoint()}>
            SharePoint (optional)
          </button>
        </Show>
      </div>
    </section>
  );
}
