import { For, Show } from "solid-js";
import { Busy } from "../components/busy.js";
import { StepHeading } from "../components/step-heading.js";
import { ErrorView } from "../error-view.js";
import type { StepBase } from "./types.js";

export interface RoleView {
  readonly username: string;
  readonly roles: readonly string[];
}

/** Guide steps 1-2: the account must be able to grant Microsoft Graph app roles. */
export function CheckRoleStep(
  props: StepBase & { readonly role?: RoleView | undefined; readonly onContinue: () => void },
) {
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
      <Show when={props.phase === "done" && props.role}>
        {(role) => (
          <>
            <div class="callout ok" data-testid="role-ok">
              <p>
                Signed in as <strong>{role().username}</strong>
                <Show when={role().roles.length > 0}>
                  {" "}
                  with{" "}
                  <For each={role().roles}>
                    {(r, i) => (
                      <>
                        {i() > 0 ? ", " : ""}
                        {r}
                      </>
                    )}
                  </For>
                </Show>
                . You can grant every permission Boxafe needs.
              </p>
            </div>
            <div class="actions">
              <button type="button" class="primary" onClick={() => props.onContinue()}>
                Continue
              </button>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
