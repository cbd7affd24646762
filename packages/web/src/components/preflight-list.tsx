import type { CheckStatus, PreflightCheck } from "@boxafe-connect/core";
import { For, Show } from "solid-js";

const LABEL: Record<CheckStatus, string> = {
  pass: "Pass",
  warn: "Warning",
  fail: "Fails",
  unknown: "Unknown",
};
/** The page's existing badge colours (styles.css). */
const BADGE: Record<CheckStatus, string> = {
  pass: "granted",
  warn: "warning",
  fail: "failed",
  unknown: "unverifiable",
};

/** Core's preflight checks, one row each: status, what was read, and the fix. Tenant strings are text nodes. */
export function PreflightList(props: { readonly checks: readonly PreflightCheck[] }) {
  return (
    <section class="preflight" aria-labelledby="preflight-heading" data-testid="preflight">
      <h3 id="preflight-heading">The tenant's rules (read before any write)</h3>
      <ul class="details-list">
        <For each={props.checks}>
          {(check) => (
            <li data-status={check.status} data-check={check.id}>
              <span class={`badge ${BADGE[check.status]}`}>{LABEL[check.status]}</span>{" "}
              <strong>{check.title}</strong>: {check.evidence}
              <Show when={check.fix}>
                <br />
                <em>Fix:</em> {check.fix}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
