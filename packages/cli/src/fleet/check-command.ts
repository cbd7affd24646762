/**
 * `fleet check`: every tenant's health with each app's own certificate (core's fleetCheck), no admin
 * sign-in. People get a line per tenant as it finishes and a summary; `--json` one JSON document
 * (written row by row), `--csv FILE` and `--html FILE` reports written as tenants finish, so memory
 * stays flat for thousands of tenants. Exit 0 when every tenant is green, 3 when any needs action.
 */

import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { lstat } from "node:fs/promises";
import {
  type AppSession,
  type AppTokenPort,
  fleetCheck,
  printable,
  type TenantHealth,
} from "@boxafe-connect/core";
import { createFetchHttpPort, nodePorts } from "@boxafe-connect/runtime";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { stringOption } from "../command-context.js";
import { ExitCode } from "../render-error.js";
import { fleetContext } from "./fleet-context.js";
import type { StoredCertificate } from "./fs-credential-store.js";
import { CSV_HEADER, csvRow } from "./report-csv.js";
import { htmlHead, htmlRow, htmlTail } from "./report-html.js";
import { loadFleetState } from "./state-file.js";
import { graphOn, proofPorts } from "./tenant-ports.js";

const LIGHT = { green: "OK       ", amber: "ATTENTION", red: "ACTION   " } as const;

/**
 * A report file, opened before any tenant is checked: a folder, a symbolic link (it could point
 * anywhere) or a path that cannot be written is exit 2 naming the option (found by QA: `--html DIR`
 * was "Unexpected error: EISDIR", exit 1). An existing report is replaced: it holds no credential.
 */
async function openReport(
  path: string | undefined,
  option: "html" | "csv",
): Promise<WriteStream | undefined> {
  if (path === undefined) return undefined;
  if (path.trim() === "") throw new UsageError(`--${option} is empty: give a file name.`, "fleet check");
  const found = await lstat(path).catch(() => undefined);
  if (found?.isDirectory())
    throw new UsageError(`--${option}: ${path} is a folder; give a file name.`, "fleet check");
  if (found?.isSymbolicLink())
    throw new UsageError(`--${option}: ${path} is a symbolic link; give a file name.`, "fleet check");
  const stream = createWriteStream(path, { mode: 0o600 });
  try {
    await once(stream, "open");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--${option}: cannot write ${path} (${reason}).`, "fleet check");
  }
  return stream;
}

async function write(stream: WriteStream | undefined, text: string): Promise<void> {
  if (stream && !stream.write(text)) await once(stream, "drain");
}

async function close(stream: WriteStream | undefined): Promise<void> {
  if (!stream) return;
  stream.end();
  await once(stream, "finish");
}

export async function runFleetCheck(context: CommandContext): Promise<number> {
  const { out } = context;
  const fleet = await fleetContext(context, 8);
  const state = await loadFleetState(fleet.statePath);
  const runtime = nodePorts();
  const proof = proofPorts(fleet.endpoints);
  const http = createFetchHttpPort();
  const html = await openReport(stringOption(context, "html"), "html");
  const csv = await openReport(stringOption(context, "csv"), "csv");
  const generatedAt = new Date(runtime.clock.now()).toISOString();
  await write(html, htmlHead(`Boxafe fleet: ${fleet.entries.length} tenants`, generatedAt));
  await write(csv, CSV_HEADER);
  let first = true;
  if (out.json)
    process.stdout.write(
      `{"command":"fleet check","target":${JSON.stringify(fleet.targetJson)},"tenants":[\n`,
    );
  // Every token any tenant's check obtains is registered with the redactor before anything can print it.
  const appToken: AppTokenPort = {
    acquire: (request) =>
      proof.appToken.acquire(request).then((token) => {
        out.redactor.protect(token);
        return token;
      }),
  };
  const appSession = (_tenantId: string, _clientId: string, certificate: StoredCertificate): AppSession => {
    out.redactor.protect(certificate.privateKeyPem);
    return {
      graph: (getAccessToken) => graphOn(fleet.endpoints, getAccessToken),
      proof: { ...proof, appToken },
      http,
    };
  };
  const onTenant = async (health: TenantHealth) => {
    const worst = health.problems[0];
    out.info(
      `${LIGHT[health.light]} ${printable(health.label)} (${printable(health.tenant)})` +
        `${health.daysLeft !== undefined ? `, ${health.daysLeft} days left` : ""}` +
        `${worst ? `: ${printable(worst.message)}${health.problems.length > 1 ? ` (+${health.problems.length - 1} more)` : ""}` : ""}`,
    );
    if (out.json) {
      process.stdout.write(`${first ? "" : ",\n"}${out.redactor.redact(JSON.stringify(health))}`);
      first = false;
    }
    await write(html, htmlRow(health));
    await write(csv, csvRow(health));
  };
  const summary = await fleetCheck(
    { ...runtime, store: fleet.store, appSession },
    fleet.entries,
    state,
    fleet.concurrency,
    onTenant,
  );
  await write(html, htmlTail(summary));
  await close(html);
  await close(csv);
  out.info(
    `Fleet check: ${summary.lights.green} OK, ${summary.lights.amber} need attention, ${summary.lights.red} need action, of ${summary.total}.`,
  );
  if (out.json) {
    process.stdout.write(`\n],"summary":${JSON.stringify(summary)},"ok":${!summary.needsAction}}\n`);
  }
  return summary.needsAction ? ExitCode.DriftFound : ExitCode.Ok;
}
