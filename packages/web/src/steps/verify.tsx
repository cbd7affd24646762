import { Show } from "solid-js";
import { Busy } from "../components/busy.js";
import { StepHeading } from "../components/step-heading.js";
import type { TokenRow, VerifyRow } from "../components/verify-results.js";
import { VerifyResults } from "../components/verify-results.js";
import { ErrorView } from "../error-view.js";
import type { StepBase } from "./types.js";

export type { TokenRow, VerifyRow };

/**
 * Proof, not hope: consent read back from Entra with the admin's own token, and the new secret
 * proven with the app's own tokens through the deployment's verification service (or the CLI
 * command to do it). When all is proven core moves straight on to the hand-over, which repeats the
 * results; this view stays when something is still pending.
 */
export function VerifyStep(
  props: StepBase & {
    readonly rows: readonly VerifyRow[];
    readonly tokens: readonly TokenRow[];
    readonly attempt: number;
    /** Shown when rows could not be proven by a token (no secret in this session). */
    readonly note?: string | undefined;
    readonly onRetry: () => void;
    readonly onContinue: () => void;
  },
) {
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>Verify with real tokens</StepHeading>
      <p class="lead">
        The page reads back, with your account, the consent Entra now holds for the app. Then this page's
        verification service signs in as the new app with its secret and asks each API for a token: the secret
        passes through the service once and is stored nowhere. A permission counts only when the token carries
        it.
      </p>
      <Busy
        text={
          props.phase === "working"
            ? `Reading consent back and asking for app tokens${props.attempt > 1 ? ` (attempt ${props.attempt}: consent takes a moment to spread)` : ""}…`
            : undefined
        }
      />
      <VerifyResults rows={props.rows} tokens={props.tokens} />
      <Show when={props.note}>
        <p class="hint" data-testid="verify-note">
          {props.note}
        </p>
      </Show>
      <Show when={props.phase === "error" && props.error}>
        {(error) => <ErrorView error={error()} onAction={props.onErrorAction} />}
      </Show>
      <Show when={props.phase === "done"}>
        <div class="callout" data-testid="verify-result">
          Some permissions are not active yet. Consent can take a few minutes to reach every service; verify
          again shortly, or continue and check the app later.
        </div>
        <div class="actions">
          <button type="button" class="primary" onClick={() => props.onRetry()}>
            Verify again
          </button>
          <button type="button" onClick={() => props.onContinue()}>
            Show the values for Boxafe
          </button>
        </div>
      </Show>
    </section>
  );
}
