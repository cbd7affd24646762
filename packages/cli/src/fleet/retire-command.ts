/**
 * `fleet retire`: phase two of `fleet rotate`, no admin sign-in (core's fleetRetire over the single
 * app's certificate retire). Per tenant the newest stored certificate proves itself, then the older
 * ones leave the app (removeKey signed by the newest) and only then the store. Exit 0 when nothing
 * failed, 1 otherwise.
 */
import { X509Certificate } from "node:crypto";
import {
  fleetRetire,
  fleetRetireOptionsSchema,
  parseRequest,
  printable,
  type RetireRow,
} from "@boxafe-connect/core";
import { nodePorts } from "@boxafe-connect/runtime";
import type { CommandContext } from "../command-context.js";
import { stringOption } from "../command-context.js";
import { ExitCode } from "../render-error.js";
import { numberOrText } from "../requests/flag-values.js";
import { fleetContext } from "./fleet-context.js";
import type { StoredCertificate } from "./fs-credential-store.js";
import { loadFleetState, stateSaver } from "./state-file.js";
import { asAppWith, proofPorts } from "./tenant-ports.js";

export async function runFleetRetire(context: CommandContext): Promise<number> {
  const { out } = context;
  const keep = numberOrText(stringOption(context, "keep"));
  const olderThan = numberOrText(stringOption(context, "older-than"));
  const selection = parseRequest(fleetRetireOptionsSchema, {
    ...(keep === undefined ? {} : { keep }),
    ...(olderThan === undefined ? {} : { olderThanDays: olderThan }),
  });
  const fleet = await fleetContext(context, 4);
  const state = await loadFleetState(fleet.statePath);
  const saveState = stateSaver(fleet.statePath);
  const runtime = nodePorts();
  const proof = proofPorts(fleet.endpoints);
  const rows: RetireRow[] = [];
  const counts = await fleetRetire(
    {
      ...runtime,
      store: fleet.store,
      saveState,
      validFrom: (c: StoredCertificate) =>
        new Date(new X509Certificate(c.certificatePem).validFrom).toISOString(),
      retirePorts(tenantId, clientId, newest: StoredCertificate) {
        const app = asAppWith(fleet, proof, out.redactor, { tenantId, clientId }, newest);
        return {
          ...runtime,
          ...proof,
          appToken: app.appToken,
          graph: app.graph,
          newest: app.credential,
          newestSigner: app.signer,
        };
      },
    },
    fleet.entries,
    state,
    { ...selection, concurrency: fleet.concurrency },
    (row) => {
      rows.push(row);
      out.info(
        `${row.status.padEnd(8)} ${printable(row.label)} (${printable(row.tenant)})${row.detail ? `: ${printable(row.detail)}` : ""}`,
      );
    },
  );
  out.info(
    `Fleet retire: ${counts.retired} retired, ${counts["nothing-to-retire"]} with nothing to retire, ` +
      `${counts.skipped} skipped, ${counts.failed} failed.`,
  );
  out.result({
    command: "fleet retire",
    ok: counts.failed === 0,
    target: fleet.targetJson,
    counts,
    tenants: rows.sort((a, b) => a.row - b.row),
  });
  return counts.failed === 0 ? ExitCode.Ok : ExitCode.Failure;
}
