import { Show } from "solid-js";
import { Busy } from "../components/busy.js";
import { StepHeading } from "../components/step-heading.js";
import { ErrorView } from "../error-view.js";
import type { StepBase } from "./types.js";

/** Guide step 1: sign in with an administrator of the Microsoft 365 tenant. */
export function SignInStep(
  props: StepBase & { readonly hint?: string | undefined; readonly onSignIn: () => void },
) {
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>Sign in to Microsoft 365</StepHeading>
      <p class="lead">
        Sign in with a Global Administrator (or Privileged Role Administrator) of the tenant you want to back
        up. This page then registers the app Boxafe needs, grants its permissions, proves they work, and hands
        you the three values for Boxafe's "Add new Domain" window. Your secret never passes through a server
        of ours.
      </p>
      <Show when={props.hint}>
        <p class="hint" data-testid="sign-in-hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.phase === "error" && props.error}>
        {(error) => <ErrorView error={error()} onAction={props.onErrorAction} />}
      </Show>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => props.onSignIn()}
          disabled={props.phase === "working"}
        >
          Sign in with Microsoft
        </button>
      </div>
      <Busy text={props.phase === "working" ? "Opening the sign-in page…" : undefined} />
    </section>
  );
}
