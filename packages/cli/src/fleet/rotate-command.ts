/**
 * `fleet rotate`: every certificate due within N days (default 30) renewed by the app itself, no
 * admin sign-in (core's fleetRotate over the single app's self-rotation). The new key pair is in the
 * credential store before the tenant changes; the old certificate stays until Boxafe holds the new.
 * Exit 0 when nothing failed, 1 otherwise.
 */
import {
  CoreError,
  DEFAULT_RENEW_WITHIN_DAYS,
  fleetRotate,
  MAX_CERTIFICATE_DAYS,
  printable,
  type RotateRow,
} from "@boxafe-connect/core";
import { createProofSigner, nodePorts } from "@boxafe-connect/runtime";
import type { CommandContext } from "../command-context.js";
import { stringOption } from "../command-context.js";
import { ExitCode } from "../render-error.js";
import { fleetContext } from "./fleet-context.js";
import type { StoredCertificate } from "./fs-credential-store.js";
import { loadFleetState, stateSaver } from "./state-file.js";
import { asAppWith, certificateMaker, proofPorts } from "./tenant-ports.js";

function withinDays(context: CommandContext): number {
  const raw = stringOption(context, "within") ?? String(DEFAULT_RENEW_WITHIN_DAYS);
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 0 || days > MAX_CERTIFICATE_DAYS) {
    throw new CoreError(
      "invalid_input",
      `--within must be a whole number of days from 0 to ${MAX_CERTIFICATE_DAYS}.`,
      {
        field: "within",
      },
    );
  }
  return days;
}

export async function runFleetRotate(context: CommandContext): Promise<number> {
  const { out } = context;
  const within = withinDays(context);
  const fleet = await fleetContext(context, 4);
  const state = await loadFleetState(fleet.statePath);
  const saveState = stateSaver(fleet.statePath);
  await saveState(state);
  await fleet.store.ensureWritable();
  const runtime = nodePorts();
  const proof = proofPorts(fleet.endpoints);
  const maker = certificateMaker(out.redactor);
  const rows: RotateRow[] = [];
  const counts = await fleetRotate(
    {
      ...runtime,
      store: fleet.store,
      saveState,
      rotatePorts(tenantId, clientId, current: StoredCertificate) {
        const app = asAppWith(fleet, proof, out.redactor, { tenantId, clientId }, current);
        return {
          ...runtime,
          ...proof,
          appToken: app.appToken,
          graph: app.graph,
          currentSigner: app.signer,
          signerFor: (made: StoredCertificate) => createProofSigner(made),
          certificates: maker,
        };
      },
    },
    fleet.entries,
    state,
    { withinDays: within, concurrency: fleet.concurrency },
    (row) => {
      rows.push(row);
      out.info(
        `${row.status.padEnd(8)} ${printable(row.label)} (${printable(row.tenant)})` +
          `${row.daysLeft !== undefined ? `, ${row.daysLeft} days left` : ""}${row.detail ? `: ${printable(row.detail)}` : ""}`,
      );
    },
  );
  out.info(
    `Fleet rotate (due within ${within} days): ${counts.rotated} rotated, ${counts["not-due"]} not due, ` +
      `${counts.skipped} skipped, ${counts.failed} failed. Give Boxafe the new certificates (${fleet.store.dir}).`,
  );
  out.result({
    command: "fleet rotate",
    ok: counts.failed === 0,
    target: fleet.targetJson,
    withinDays: within,
    counts,
    tenants: rows.sort((a, b) => a.row - b.row),
  });
  return counts.failed === 0 ? ExitCode.Ok : ExitCode.Failure;
}
