import { createSignal, For, Show } from "solid-js";

export type PermissionStatus = "granted" | "missing" | "retired" | "pending";

export interface AdvisoryView {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly effectiveOn: string;
  readonly action: string;
}

export interface PermissionRow {
  readonly value: string;
  readonly kind: "application" | "delegated";
  readonly description: string;
  readonly adminConsentRequired: boolean;
  readonly status: PermissionStatus;
  readonly advisories: readonly AdvisoryView[];
}

export interface PermissionGroup {
  readonly name: string;
  readonly appId: string;
  readonly permissions: readonly PermissionRow[];
}

const statusLabel: Record<PermissionStatus, string> = {
  granted: "Granted",
  missing: "Missing",
  retired: "Retired",
  pending: "Pending",
};

function AdvisoryToggle(props: {
  readonly rowId: string;
  readonly open: boolean;
  readonly onToggle: () => void;
}) {
  return (
    <button
      type="button"
      class="link"
      aria-expanded={props.open}
      aria-controls={props.rowId}
      onClick={props.onToggle}
    >
      {props.open ? "Hide advisory" : "Advisory"}
    </button>
  );
}

function Row(props: { readonly row: PermissionRow; readonly rowKey: string }) {
  const [open, setOpen] = createSignal(false);
  const advisoryId = () => `adv-${props.rowKey}`;
  return (
    <>
      <tr data-permission={props.row.value} data-kind={props.row.kind}>
        <td class="perm">{props.row.value}</td>
        <td>{props.row.kind === "application" ? "Application" : "Delegated"}</td>
        <td>{props.row.description}</td>
        <td>{props.row.adminConsentRequired ? "Yes" : "No"}</td>
        <td>
          <span class={`badge ${props.row.status}`} data-testid="permission-status">
            {statusLabel[props.row.status]}
          </span>
          <Show when={props.row.advisories.length > 0}>
            {" "}
            <AdvisoryToggle rowId={advisoryId()} open={open()} onToggle={() => setOpen(!open())} />
          </Show>
        </td>
      </tr>
      <Show when={props.row.advisories.length > 0}>
        <tr class="advisory" id={advisoryId()} hidden={!open()}>
          <td colSpan={5}>
            <For each={props.row.advisories}>
              {(a) => (
                <p>
                  <strong>{a.title}</strong> (
                  {a.status === "retiring"
                    ? `retiring, from ${a.effectiveOn}`
                    : `${a.status} since ${a.effectiveOn}`}
                  ). {a.action}
                </p>
              )}
            </For>
          </td>
        </tr>
      </Show>
    </>
  );
}

/** Counts per status, for the line above the table. */
export function countStatuses(groups: readonly PermissionGroup[]): Record<PermissionStatus, number> {
  const counts: Record<PermissionStatus, number> = { granted: 0, missing: 0, retired: 0, pending: 0 };
  for (const g of groups) for (const p of g.permissions) counts[p.status] += 1;
  return counts;
}

/**
 * The permissions grouped by API, as the Azure portal's "API permissions" page shows them.
 * Advisories (retired or blocked APIs) open under their row.
 */
export function PermissionTable(props: {
  readonly groups: readonly PermissionGroup[];
  readonly caption: string;
}) {
  const total = () => props.groups.reduce((n, g) => n + g.permissions.length, 0);
  const counts = () => countStatuses(props.groups);
  return (
    <>
      <p class="summary-line" data-testid="permission-summary">
        <span>{total()} permissions</span>
        <span>{counts().granted} granted</span>
        <span>{counts().missing} missing</span>
        <Show when={counts().pending > 0}>
          <span>{counts().pending} pending</span>
        </Show>
        <Show when={counts().retired > 0}>
          <span>{counts().retired} on retired APIs</span>
        </Show>
      </p>
      {/* tabindex lets keyboard users scroll the table sideways on a narrow screen */}
      <section class="table-wrap" aria-label={props.caption} tabindex="0">
        <table>
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">API / permission name</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
              <th scope="col">Admin consent required</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <For each={props.groups}>
            {(group) => (
              <tbody>
                <tr>
                  <th scope="rowgroup" colSpan={5}>
                    {group.name} <span class="count">({group.permissions.length})</span>
                  </th>
                </tr>
                <For each={group.permissions}>
                  {(row) => (
                    <Row
                      row={row}
                      rowKey={`${group.appId}-${row.kind}-${row.value}`.replace(/[^\w-]/g, "_")}
                    />
                  )}
                </For>
              </tbody>
            )}
          </For>
        </table>
      </section>
    </>
  );
}
