import type { PreflightCheck } from "@boxafe-connect/core";
import { For, Show } from "solid-js";
import type { PermissionGroup } from "../components/permission-table.js";
import { PermissionTable } from "../components/permission-table.js";
import { PreflightList } from "../components/preflight-list.js";
import type { ProgressItem } from "../components/progress-list.js";
import { ProgressList } from "../components/progress-list.js";
import { StepHeading } from "../components/step-heading.js";
import { ErrorView } from "../error-view.js";
import type { StepBase } from "./types.js";

export interface ReviewProps extends StepBase {
  /** e.g. `"QNAP Boxafe"` or `the app 1f2e…`. */
  readonly appLabel: string;
  readonly groups: readonly PermissionGroup[];
  /** One line per planned change (core's describeAction). */
  readonly changes: readonly string[];
  /** Things found but not changed: extra permissions, advisories, expiring secrets. */
  readonly findings: readonly string[];
  /** Core's preflight checks for this tenant. */
  readonly preflight?: readonly PreflightCheck[];
  readonly progress: readonly ProgressItem[];
  readonly onApply: () => void;
  readonly onBack: () => void;
}

/**
 * Guide steps 4-15 in one review: what the tenant holds now, what will change, then one click.
 * While the changes are applied, the same card shows their live progress.
 */
export function RegisterAppStep(props: ReviewProps) {
  const nothingToDo = () => props.changes.length === 0;
  /** A failing preflight check stops the setup before any write (core's preflight: nothing would succeed). */
  const stopped = () => (props.preflight ?? []).some((c) => c.status === "fail");
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>Review and apply</StepHeading>
      <p class="lead">
        <Show
          when={!nothingToDo()}
          fallback={
            <>
              <strong>{props.appLabel}</strong> already holds everything Boxafe needs. Nothing will be
              written.
            </>
          }
        >
          {props.changes.length} change{props.changes.length === 1 ? "" : "s"} to{" "}
          <strong>{props.appLabel}</strong>, each one listed under "Show the {props.changes.length} planned
          changes" below.
        </Show>
      </p>
      <Show when={(props.preflight ?? []).length > 0}>
        <PreflightList checks={props.preflight ?? []} />
      </Show>
      <Show when={stopped()}>
        <p class="callout" role="alert" data-testid="preflight-stop">
          A tenant rule above fails: nothing will be written until it is fixed (see its fix), then sign in
          again.
        </p>
      </Show>
      <PermissionTable groups={props.groups} caption="API permissions" />
      <Show when={props.findings.length > 0}>
        <div class="callout" data-testid="findings">
          <h3>Worth knowing</h3>
          <ul class="details-list">
            <For each={props.findings}>{(f) => <li>{f}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={!nothingToDo()}>
        <details>
          <summary>Show the {props.changes.length} planned changes</summary>
          <ul class="details-list" data-testid="planned-changes">
            <For each={props.changes}>{(c) => <li>{c}</li>}</For>
          </ul>
        </details>
      </Show>
      <Show when={props.phase !== "error"}>
        <div class="actions">
          <button
            type="button"
            class="primary"
            onClick={() => props.onApply()}
            disabled={props.phase === "working" || stopped()}
          >
            {nothingToDo() ? "Continue to verification" : "Apply the changes"}
          </button>
          <button type="button" onClick={() => props.onBack()} disabled={props.phase === "working"}>
            Back
          </button>
        </div>
      </Show>
      {/* Below the buttons, so nothing the admin is looking at moves when progress appears. */}
      <Show when={props.phase === "working" || props.progress.length > 0}>
        <ProgressList items={props.progress} label="Applying the changes" />
      </Show>
      <Show when={props.phase === "error" && props.error}>
        {(error) => <ErrorView error={error()} onAction={props.onErrorAction} />}
      </Show>
    </section>
  );
}
