import { For, Show } from "solid-js";
import { Busy } from "../components/busy.js";
import { StepHeading } from "../components/step-heading.js";
import { ErrorView } from "../error-view.js";
import type { StepBase } from "./types.js";

export type VerifyStatus = "granted" | "pending" | "missing" | "unverifiable";

export interface VerifyRow {
  readonly resource: string;
  readonly value: string;
  readonly kind: "application" | "delegated";
  readonly status: VerifyStatus;
  readonly detail?: string | undefined;
}

export interface TokenRow {
  readonly resource: string;
  readonly ok: boolean;
  readonly roles: number;
  readonly error?: string | undefined;
}

const label: Record<VerifyStatus, string> = {
  granted: "Granted",
  pending: "Pending",
  missing: "Missing",
  unverifiable: "Not checkable",
};

/** Proof, not hope: fresh app tokens per API, their roles compared with what Boxafe needs. */
export function VerifyStep(
  props: StepBase & {
    readonly rows: readonly VerifyRow[];
    readonly tokens: readonly TokenRow[];
    readonly complete: boolean;
    readonly attempt: number;
    readonly onRetry: () => void;
    readonly onContinue: () => void;
  },
) {
  const granted = () => props.rows.filter((r) => r.status === "granted").length;
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>Verify with real tokens</StepHeading>
      <p class="lead">
        The new app signs in with its own secret and asks each API for a token. A permission counts only when
        the token carries it.
      </p>
      <Busy
        text={
          props.phase === "working"
            ? `Asking for app tokens${props.attempt > 1 ? ` (attempt ${props.attempt}: consent takes a moment to spread)` : ""}…`
            : undefined
        }
      />
      <ul class="progress" aria-label="Tokens" data-testid="verify-tokens">
        <For each={props.tokens}>
          {(t) => (
            <li>
              <span class="state">
                <span class={`badge ${t.ok ? "granted" : "missing"}`}>{t.ok ? "Token" : "No token"}</span>
              </span>
              <span>
                {t.resource}
                <span class="hint"> {t.ok ? `${t.roles} roles` : t.error}</span>
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.rows.length > 0}>
        <p class="summary-line" data-testid="verify-summary">
          {granted()} of {props.rows.length} permissions proven
        </p>
        <section class="table-wrap" aria-label="Verification per permission" tabindex="0">
          <table>
            <thead>
              <tr>
                <th scope="col">API</th>
                <th scope="col">Permission</th>
                <th scope="col">Type</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(r) => (
                  <tr data-permission={r.value}>
                    <td>{r.resource}</td>
                    <td class="perm">{r.value}</td>
                    <td>{r.kind === "application" ? "Application" : "Delegated"}</td>
                    <td>
                      <span class={`badge ${r.status}`}>{label[r.status]}</span>
                      <Show when={r.detail}>
                        <span class="hint"> {r.detail}</span>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
      <Show when={props.phase === "error" && props.error}>
        {(error) => <ErrorView error={error()} onAction={props.onErrorAction} />}
      </Show>
      <Show when={props.phase === "done"}>
        <div class={`callout ${props.complete ? "ok" : ""}`} data-testid="verify-result">
          {props.complete
            ? "Every permission Boxafe can use is proven by a token."
            : "Some permissions are not active yet. Consent can take a few minutes; verify again shortly."}
        </div>
      </Show>
      <div class="actions">
        <Show when={props.phase === "done"}>
          <button type="button" class="primary" onClick={() => props.onContinue()}>
            Show the values for Boxafe
          </button>
        </Show>
        <Show when={props.phase === "done" && !props.complete}>
          <button type="button" onClick={() => props.onRetry()}>
            Verify again
          </button>
        </Show>
      </div>
    </section>
  );
}
