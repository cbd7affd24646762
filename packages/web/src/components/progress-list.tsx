import { For, Match, Switch } from "solid-js";

export type ProgressState = "waiting" | "running" | "done" | "failed" | "pending";

export interface ProgressItem {
  readonly id: string;
  readonly label: string;
  readonly state: ProgressState;
  readonly detail?: string;
}

const stateLabel: Record<ProgressState, string> = {
  waiting: "Waiting",
  running: "Working",
  done: "Done",
  failed: "Failed",
  pending: "Pending",
};

/**
 * Live progress of apply or verify. The list reserves its height (CSS min-height) so the page does
 * not jump when results arrive; the container is a polite live region.
 */
export function ProgressList(props: { readonly items: readonly ProgressItem[]; readonly label: string }) {
  return (
    <ul class="progress" aria-label={props.label} aria-live="polite">
      <For each={props.items}>
        {(item) => (
          <li data-state={item.state}>
            <span class="state">
              <Switch fallback={<span class={`badge ${item.state}`}>{stateLabel[item.state]}</span>}>
                <Match when={item.state === "running"}>
                  <span class="spinner" aria-hidden="true" /> <span>{stateLabel.running}</span>
                </Match>
                <Match when={item.state === "done"}>
                  <span class="badge granted">{stateLabel.done}</span>
                </Match>
              </Switch>
            </span>
            <span>
              {item.label}
              {item.detail ? <span class="hint"> {item.detail}</span> : null}
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}
