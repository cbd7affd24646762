import { Show } from "solid-js";
import { Busy } from "../components/busy.js";
import { StepHeading } from "../components/step-heading.js";
import { ErrorView } from "../error-view.js";
import type { StepBase } from "./types.js";

/** Guide step 2's note: the account must be able to grant Microsoft Graph app roles. */
export function CheckRoleStep(props: StepBase) {
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>Check your role</StepHeading>
      <p class="lead">
        Granting Boxafe's permissions needs a Global Administrator or a Privileged Role Administrator.
      </p>
      <Busy text={props.phase === "working" ? "Reading your directory roles…" : undefined} />
      <Show when={props.phase === "error" && props.error}>
        {(error) => <ErrorView error={error()} onAction={props.onErrorAction} />}
      </Show>
    </section>
  );
}
