/**
 * What every fleet command reads first, before any sign-in: the fleet file (every problem named by
 * row and field: exit 2), where the target is (a sandbox URL or a cloud; a fleet never runs on a
 * sandbox it was not told to), the state file and the credential store.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type CloudEndpoints,
  CoreError,
  cloudEndpoints,
  type FleetEntry,
  formatFleetFileErrors,
  isCloudName,
  parseFleetFile,
  sandboxEndpoints,
} from "@boxafe-connect/core";
import { trustCa } from "@boxafe-connect/runtime";
import type { CommandContext } from "../command-context.js";
import { stringOption } from "../command-context.js";
import { sandboxHome } from "../target/resolve-target.js";
import { defaultCredentialDir, fsCredentialStore } from "./fs-credential-store.js";
import type { FleetTarget } from "./partner-session.js";
import { defaultStatePath } from "./state-file.js";

export interface FleetContext {
  readonly file: string;
  readonly entries: readonly FleetEntry[];
  readonly endpoints: CloudEndpoints;
  readonly target: FleetTarget;
  readonly targetJson: { readonly kind: "sandbox" | "tenant"; readonly cloud: string; readonly url?: string };
  readonly statePath: string;
  readonly store: ReturnType<typeof fsCredentialStore>;
  readonly concurrency: number;
}

export const MAX_CONCURRENCY = 32;

export function concurrencyOf(context: CommandContext, fallback: number): number {
  const raw = stringOption(context, "concurrency");
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) {
    throw new CoreError(
      "invalid_input",
      `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.`,
      {
        field: "concurrency",
      },
    );
  }
  return n;
}

async function loadEntries(file: string): Promise<FleetEntry[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new CoreError("invalid_input", `Cannot read the fleet file ${file}.`, { field: "fleet" });
  }
  const parsed = parseFleetFile(text);
  if (!parsed.ok) {
    throw new CoreError(
      "invalid_input",
      `The fleet file ${file} has problems:\n${formatFleetFileErrors(parsed.errors)}`,
      {
        field: "fleet",
      },
    );
  }
  return [...parsed.entries];
}

async function targetOf(
  context: CommandContext,
): Promise<Pick<FleetContext, "endpoints" | "target" | "targetJson">> {
  const url = stringOption(context, "sandbox");
  const cloud = stringOption(context, "cloud");
  if (url !== undefined && cloud !== undefined) {
    throw new CoreError("invalid_input", "Give --sandbox URL or --cloud, not both.", { field: "sandbox" });
  }
  if (url !== undefined) {
    if (!/^https:\/\//i.test(url)) {
      throw new CoreError(
        "invalid_input",
        "--sandbox needs the URL of a running fleet sandbox (boxafe-connect sandbox --tenants N).",
        {
          field: "sandbox",
        },
      );
    }
    const endpoints = sandboxEndpoints(url);
    const pem = await readFile(join(sandboxHome(context.env), "ca.pem"), "utf8").catch(() => undefined);
    if (pem) trustCa(pem, endpoints.authorityHost);
    const partnerUpn = stringOption(context, "as");
    return {
      endpoints,
      target: {
        authorityHost: endpoints.authorityHost,
        graphResource: "https://graph.microsoft.com",
        sandbox: { origin: endpoints.authorityHost, ...(partnerUpn ? { partnerUpn } : {}) },
      },
      targetJson: { kind: "sandbox", cloud: "sandbox", url: endpoints.authorityHost },
    };
  }
  if (cloud === undefined) {
    throw new CoreError(
      "invalid_input",
      "A fleet runs against real tenants only when told: give --cloud global (or usgov, china), or --sandbox URL for a fleet sandbox.",
      { field: "cloud" },
    );
  }
  if (!isCloudName(cloud))
    throw new CoreError("invalid_input", `--cloud must be global, usgov or china, not "${cloud}".`, {
      field: "cloud",
    });
  const endpoints = cloudEndpoints(cloud);
  return {
    endpoints,
    target: { authorityHost: endpoints.authorityHost, graphResource: endpoints.graphBaseUrl },
    targetJson: { kind: "tenant", cloud },
  };
}

export async function fleetContext(
  context: CommandContext,
  defaultConcurrency: number,
): Promise<FleetContext> {
  const file = stringOption(context, "fleet");
  if (!file)
    throw new CoreError("invalid_input", "Name the fleet file: --fleet FILE (JSON or CSV).", {
      field: "fleet",
    });
  const entries = await loadEntries(file);
  const concurrency = concurrencyOf(context, defaultConcurrency);
  const located = await targetOf(context);
  return {
    file,
    entries,
    ...located,
    statePath: stringOption(context, "state") ?? defaultStatePath(file),
    store: fsCredentialStore(stringOption(context, "store") ?? defaultCredentialDir(context.env)),
    concurrency,
  };
}
