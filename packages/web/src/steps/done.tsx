import type { Readiness } from "@boxafe-connect/core";
import type { JSX } from "solid-js";
import { Show } from "solid-js";
import { ReadinessCard } from "../components/readiness-card.js";
import { StepHeading } from "../components/step-heading.js";

/** The end of the setup: what was done, and where to go next. */
export function DoneStep(props: {
  readonly clientId: string;
  readonly tenantId: string;
  readonly cancelled: boolean;
  /** What Boxafe can back up now (core decides; never "ready" while a workload is blocked). */
  readonly readiness?: Readiness;
  /** The EWS step and the real-call proofs (their readiness replaces the unproven one). */
  readonly end?: (() => JSX.Element) | undefined;
  readonly onCheck: () => void;
  readonly onStartOver: () => void;
}) {
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>{props.cancelled ? "Setup cancelled" : "Setup complete"}</StepHeading>
      <Show
        when={!props.cancelled}
        fallback={
          <p class="lead">
            Nothing more will be changed. Whatever was already written stays; a new run completes it.
          </p>
        }
      >
        <div class="callout ok" data-testid="done">
          <p>
            The app <code>{props.clientId}</code> in tenant <code>{props.tenantId}</code> is registered and
            consented. Check it again any time, for example before a credential expires.
          </p>
        </div>
        <Show
          when={props.end}
          fallback={
            <Show when={props.readiness}>{(readiness) => <ReadinessCard readiness={readiness()} />}</Show>
          }
        >
          {(end) => end()()}
        </Show>
      </Show>
      <div class="actions">
        <button type="button" class="primary" onClick={() => props.onCheck()}>
          Check or repair an app
        </button>
        <button type="button" onClick={() => props.onStartOver()}>
          Set up another app
        </button>
      </div>
    </section>
  );
}
