import { For, Show } from "solid-js";

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

/** Counts for the one-line summary: proven by a token, and the rest by status. */
export function verifySummary(rows: readonly VerifyRow[]): string {
  const n = (s: VerifyStatus) => rows.filter((r) => r.status === s).length;
  const parts = [`${n("granted")} of ${rows.length} permissions proven`];
  if (n("pending") > 0) parts.push(`${n("pending")} pending`);
  if (n("missing") > 0) parts.push(`${n("missing")} missing`);
  if (n("unverifiable") > 0) parts.push(`${n("unverifiable")} not checkable by a token`);
  return parts.join(", ");
}

/** The tokens asked for and the verdict per permission. */
export function VerifyResults(props: {
  readonly rows: readonly VerifyRow[];
  readonly tokens: readonly TokenRow[];
}) {
  return (
    <>
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
          {verifySummary(props.rows)}
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
    </>
  );
}
