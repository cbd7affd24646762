import type { Readiness } from "@boxafe-connect/core";
import { For } from "solid-js";

/** The honest end: what Boxafe can back up now, and for the rest why not and the fix (core's words). */
export function ReadinessCard(props: { readonly readiness: Readiness }) {
  return (
    <div class={props.readiness.allWork ? "callout ok" : "callout"} data-testid="readiness">
      <p>
        <strong>{props.readiness.headline}</strong>
      </p>
      <ul>
        <For each={props.readiness.lines}>
          {(line) => (
            <li data-workload={line.workload} data-state={line.state}>
              {line.text}
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
