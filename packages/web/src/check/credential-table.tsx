/**
 * Every secret and certificate of the app as core's credentialRows gives them: days left and the
 * 60/30/7-day warning, who made it, and whether anyone holds it. Never a value (Graph returns none).
 */
import type { CredentialRow, ExpiryWarning } from "@boxafe-connect/core";
import { For, Show } from "solid-js";

const WARNING_TEXT: Record<ExpiryWarning, string> = {
  expired: "Expired",
  "7-days": "Expires within 7 days: rotate now",
  "30-days": "Expires within 30 days: rotate soon",
  "60-days": "Expires within 60 days",
};

export function warningText(row: CredentialRow): string {
  if (row.unheld) return "Nobody holds it (an interrupted run): setup replaces it";
  return row.warning === null ? "Valid" : WARNING_TEXT[row.warning];
}

export function CredentialTable(props: { readonly rows: readonly CredentialRow[] }) {
  return (
    <Show
      when={props.rows.length > 0}
      fallback={
        <p class="callout" data-testid="credentials-none">
          The app has no secret and no certificate: Boxafe cannot sign in with it. Rotate below to make one.
        </p>
      }
    >
      <section class="table-wrap" aria-label="Secrets and certificates of the app" tabindex="0">
        <table data-testid="credentials">
          <caption class="visually-hidden">Secrets and certificates of the app</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
              <th scope="col">Expires</th>
              <th scope="col">Days left</th>
              <th scope="col">Status</th>
              <th scope="col">Made by</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr data-key-id={row.keyId} data-warning={row.warning ?? "none"}>
                  <td>{row.type === "secret" ? "Client secret" : "Certificate"}</td>
                  <td>{row.displayName ?? ""}</td>
                  <td>{row.endDateTime.slice(0, 10)}</td>
                  <td data-testid="days-left">{row.expired ? 0 : row.daysLeft}</td>
                  <td>
                    <span
                      class={`badge ${row.warning === null && !row.unheld ? "granted" : row.expired || row.warning === "7-days" ? "missing" : "warning"}`}
                      data-testid="credential-status"
                    >
                      {warningText(row)}
                    </span>
                  </td>
                  <td>{row.madeByBoxafeConnect ? "boxafe-connect" : "someone else (never removed)"}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </Show>
  );
}
