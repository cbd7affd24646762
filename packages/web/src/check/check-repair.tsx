import type { CredentialRow, PreflightCheck } from "@boxafe-connect/core";
import { isGuid } from "@boxafe-connect/core";
import type { JSX } from "solid-js";
import { createSignal, For, Show } from "solid-js";
import { Busy } from "../components/busy.js";
import type { CopyFn } from "../components/copy-field.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import { HandOverCard } from "../components/hand-over-card.js";
import type { PermissionGroup } from "../components/permission-table.js";
import { PermissionTable } from "../components/permission-table.js";
import { StepHeading } from "../components/step-heading.js";
import type { ErrorAction, ErrorInfo } from "../error-view.js";
import { ErrorView } from "../error-view.js";
import type { Phase } from "../steps/types.js";
import { CredentialTable } from "./credential-table.js";

export interface Drift {
  readonly appLabel: string;
  /** The app's Application (client) ID and its tenant, when the app exists. */
  readonly appId?: string;
  readonly tenantId?: string;
  readonly groups: readonly PermissionGroup[];
  readonly changes: readonly string[];
  readonly findings: readonly string[];
  /** Core's preflight checks (the review step shows them before any write). */
  readonly preflight?: readonly PreflightCheck[];
  /** The app's secrets and certificates (core's credentialRows: days left, 60/30/7-day warnings). */
  readonly credentials?: readonly CredentialRow[];
}

/** Check an existing app by its Application ID: what drifted, and one button to repair it. */
export function CheckRepairView(props: {
  readonly phase: Phase;
  readonly repairPhase: Phase;
  readonly drift?: Drift | undefined;
  readonly repaired?: HandOverValues | undefined;
  readonly error?: ErrorInfo | undefined;
  readonly initialAppId?: string;
  readonly copy?: CopyFn;
  readonly onCheck: (appId: string) => void;
  readonly onRepair: () => void;
  readonly onErrorAction: (action: ErrorAction) => void;
  /** The two-phase rotation card for the checked app (rotation-card.tsx). */
  readonly rotation?: (drift: Drift) => JSX.Element;
}) {
  const [appId, setAppId] = createSignal(props.initialAppId ?? "");
  const [invalid, setInvalid] = createSignal("");
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const id = appId().trim();
    if (!isGuid(id)) {
      setInvalid("Enter the Application (client) ID: a GUID like 1f2e3d4c-…");
      return;
    }
    setInvalid("");
    props.onCheck(id);
  };
  const busy = () => props.phase === "working" || props.repairPhase === "working";
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>Check and repair an app</StepHeading>
      <p class="lead">
        Compares an existing app with what Boxafe needs: permissions declared and consented, secrets and their
        expiry, retired APIs. Repair writes only what is missing.
      </p>
      <form onSubmit={submit} novalidate>
        <div class="field">
          <label for="check-app-id">Application (client) ID</label>
          <input
            id="check-app-id"
            type="text"
            value={appId()}
            onInput={(e) => setAppId(e.currentTarget.value)}
            aria-invalid={invalid() !== ""}
            aria-describedby="check-app-id-hint"
            autocomplete="off"
            spellcheck={false}
          />
          <p class="hint" id="check-app-id-hint" role="status">
            {invalid()}
          </p>
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy()}>
            Check the app
          </button>
        </div>
      </form>
      <Busy
        text={
          props.phase === "working"
            ? "Reading the app…"
            : props.repairPhase === "working"
              ? "Repairing…"
              : undefined
        }
      />
      <Show when={props.error}>
        {(error) => <ErrorView error={error()} onAction={props.onErrorAction} exclude={["check"]} />}
      </Show>
      <Show when={props.phase === "done" && props.drift}>
        {(drift) => (
          <div data-testid="drift">
            <h3>{drift().appLabel}</h3>
            <Show
              when={drift().changes.length > 0}
              fallback={
                <div class="callout ok" data-testid="drift-none">
                  Nothing has drifted: the app holds every permission Boxafe needs.
                </div>
              }
            >
              <div class="callout" data-testid="drift-changes">
                <h3>{drift().changes.length} to repair</h3>
                <ul class="details-list">
                  <For each={drift().changes}>{(c) => <li>{c}</li>}</For>
                </ul>
              </div>
            </Show>
            <Show when={drift().findings.length > 0}>
              <ul class="details-list" data-testid="drift-findings">
                <For each={drift().findings}>{(f) => <li>{f}</li>}</For>
              </ul>
            </Show>
            <PermissionTable groups={drift().groups} caption="API permissions of the app" />
            <h3>Secrets and certificates</h3>
            <CredentialTable rows={drift().credentials ?? []} />
            {props.rotation?.(drift())}
            <Show when={drift().changes.length > 0 && props.repairPhase !== "done"}>
              <div class="actions">
                <button type="button" class="primary" onClick={() => props.onRepair()} disabled={busy()}>
                  Repair the app
                </button>
              </div>
            </Show>
          </div>
        )}
      </Show>
      <Show when={props.repairPhase === "done"}>
        <div class="callout ok" data-testid="repair-done">
          Repaired. The app holds every permission Boxafe needs again.
        </div>
        <Show when={props.repaired}>{(values) => <HandOverCard values={values()} copy={props.copy} />}</Show>
      </Show>
    </section>
  );
}
