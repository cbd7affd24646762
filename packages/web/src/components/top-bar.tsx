import type { WizardState } from "@boxafe-connect/core";
import { Show } from "solid-js";

/** The page's header: the product, and who is signed in with which roles. */
export function TopBar(props: { readonly state: WizardState }) {
  return (
    <header class="topbar">
      <div class="brand">
        <h1>boxafe-connect</h1>
        <small>Connect Microsoft 365 to QNAP Boxafe</small>
      </div>
      <div class="who" data-testid="account">
        <Show when={props.state.account} fallback="Not signed in">
          {(account) => (
            <>
              Signed in as {account().username}
              <Show when={props.state.roles?.length}>, {props.state.roles?.join(", ")}</Show>
            </>
          )}
        </Show>
      </div>
    </header>
  );
}
