/**
 * `fleet setup`: every tenant of the fleet file onboarded after one partner sign-in (core's
 * fleetSetup). Progress per tenant on stderr; the summary (and one row per tenant) as the result.
 * Private keys go to the credential store and nowhere else. Exit 0 when every tenant is done,
 * 1 when any failed (the state file lets a re-run pick up exactly those).
 */
import {
  CoreError,
  certificateDaysField,
  type FleetEvent,
  type FleetTenantStatus,
  fleetSetup,
  printable,
} from "@boxafe-connect/core";
import { nodePorts } from "@boxafe-connect/runtime";
import type { CommandContext } from "../command-context.js";
import { stringOption } from "../command-context.js";
import { ExitCode } from "../render-error.js";
import { fleetContext } from "./fleet-context.js";
import { signInPartner } from "./partner-session.js";
import { loadFleetState, stateSaver } from "./state-file.js";
import { certificateMaker, graphOn, proofPorts } from "./tenant-ports.js";

const MARK: Readonly<Record<FleetTenantStatus, string>> = {
  skipped: "=",
  "signing-in": ".",
  "setting-up": ".",
  done: "+",
  failed: "x",
};

/** --cert-days, checked by core's request schema (1..1095) with the flag named. */
function certificateDays(context: CommandContext): { certificateDays?: number } {
  const raw = stringOption(context, "cert-days");
  if (raw === undefined) return {};
  const days = Number(raw);
  const checked = certificateDaysField.safeParse(days);
  if (!checked.success) {
    throw new CoreError(
      "invalid_input",
      `--cert-days: ${checked.error.issues[0]?.message ?? "not a number of days"}`,
      {
        field: "cert-days",
      },
    );
  }
  return { certificateDays: checked.data };
}

export async function runFleetSetup(context: CommandContext): Promise<number> {
  const { out } = context;
  const fleet = await fleetContext(context, 4);
  const state = await loadFleetState(fleet.statePath);
  const saveState = stateSaver(fleet.statePath);
  // Both locations are written before any tenant is: fail here, before the sign-in, if they cannot be.
  await saveState(state);
  await fleet.store.ensureWritable();
  const session = await signInPartner(fleet.target, out, {
    ...(stringOption(context, "client-id") ? { clientId: stringOption(context, "client-id") } : {}),
  });
  out.info(
    `Signed in as ${printable(session.username)}; onboarding ${fleet.entries.length} tenant(s), ${fleet.concurrency} at a time.`,
  );
  const runtime = nodePorts();
  const rows = new Map<
    number,
    { tenant: string; label: string; status: FleetTenantStatus; detail?: string }
  >();
  let finished = 0;
  const onEvent = (event: FleetEvent) => {
    if (event.type === "fleet-start") {
      if (event.resumed > 0) out.info(`Resuming: ${event.resumed} tenant(s) already onboarded are skipped.`);
      return;
    }
    rows.set(event.row, {
      tenant: event.tenant,
      label: event.label,
      status: event.status,
      ...(event.detail ? { detail: event.detail } : {}),
    });
    if (event.status === "done" || event.status === "failed" || event.status === "skipped") {
      finished += 1;
      out.info(
        `[${String(finished).padStart(String(fleet.entries.length).length)}/${fleet.entries.length}] ${MARK[event.status]} ` +
          `${printable(event.label)} (${printable(event.tenant)}): ${event.status}${event.detail ? `, ${printable(event.detail)}` : ""}`,
      );
    }
  };
  const maker = certificateMaker(out.redactor);
  const summary = await fleetSetup(
    {
      clock: runtime.clock,
      store: fleet.store,
      saveState,
      async connect(entry) {
        const token = await session.tokenFor(entry.tenant, entry.label);
        return {
          signIn: token.signIn,
          tenantId: token.tenantId,
          ports: {
            ...runtime,
            graph: graphOn(fleet.endpoints, () => token.getAccessToken()),
            proof: proofPorts(fleet.endpoints),
            certificates: maker,
          },
        };
      },
    },
    fleet.entries,
    state,
    { concurrency: fleet.concurrency, ...certificateDays(context) },
    onEvent,
  );
  out.info(
    `Fleet setup: ${summary.done} onboarded, ${summary.skipped} already done, ${summary.failed} failed of ${summary.total}. ` +
      `Credentials: ${fleet.store.dir} (0600). State: ${fleet.statePath}.`,
  );
  out.result({
    command: "fleet setup",
    ok: summary.failed === 0,
    target: fleet.targetJson,
    summary: { total: summary.total, done: summary.done, skipped: summary.skipped, failed: summary.failed },
    credentialStore: fleet.store.dir,
    stateFile: fleet.statePath,
    tenants: [...rows.entries()].sort(([a], [b]) => a - b).map(([row, r]) => ({ row, ...r })),
  });
  return summary.failed === 0 ? ExitCode.Ok : ExitCode.Failure;
}
