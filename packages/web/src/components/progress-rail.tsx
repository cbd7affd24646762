import { For, Show } from "solid-js";

export type RailStatus = "done" | "current" | "todo" | "failed" | "skipped";

export interface RailItem {
  readonly id: string;
  readonly title: string;
  readonly status: RailStatus;
  readonly optional?: boolean;
  /** The guide's step numbers this covers, e.g. "Steps 7-10". */
  readonly guide?: string;
}

const statusText: Record<RailStatus, string> = {
  done: "done",
  current: "current step",
  todo: "not started",
  failed: "failed",
  skipped: "skipped",
};

/** The guide's steps in order; the current one is marked for assistive technology too. */
export function ProgressRail(props: { readonly items: readonly RailItem[] }) {
  const currentIndex = () => props.items.findIndex((i) => i.status === "current" || i.status === "failed");
  const current = () => props.items[currentIndex()];
  return (
    <nav class="rail" aria-label="Setup progress">
      <p class="summary">
        <Show when={current()} fallback="Setup">
          {(c) => (
            <>
              Step {currentIndex() + 1} of {props.items.length}: {c().title}
            </>
          )}
        </Show>
      </p>
      <ol>
        <For each={props.items}>
          {(item, index) => (
            <li data-status={item.status} aria-current={item.status === "current" ? "step" : undefined}>
              <span class="dot" aria-hidden="true">
                {item.status === "done" ? "✓" : item.status === "failed" ? "!" : index() + 1}
              </span>
              <span>
                {item.title}
                <Show when={item.optional}>
                  <span class="optional"> (optional)</span>
                </Show>
                <span class="visually-hidden">, {statusText[item.status]}</span>
              </span>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
