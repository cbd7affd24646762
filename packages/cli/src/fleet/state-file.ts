/**
 * The fleet's resume state beside the fleet file (`<fleet file>.state.json`, 0600): what each
 * tenant reached. Written atomically after every change; a corrupt file, one of another shape or one
 * holding a credential is refused (exit 2) rather than silently started over.
 */
import { rename } from "node:fs/promises";
import { CoreError, emptyFleetState, type FleetState, parseFleetState } from "@boxafe-connect/core";
import { readTextIfExists, writePrivateFile } from "../files/private-file.js";

export function defaultStatePath(fleetFile: string): string {
  return `${fleetFile.replace(/\.(json|csv)$/i, "")}.state.json`;
}

export async function loadFleetState(path: string): Promise<FleetState> {
  const text = await readTextIfExists(path);
  if (text === undefined) return emptyFleetState();
  const parsed = parseFleetState(text);
  if (!parsed.ok) {
    throw new CoreError(
      "invalid_input",
      `The fleet state file ${path} is refused: ${parsed.reason}. Move it aside to start over.`,
      {
        field: "state",
      },
    );
  }
  return parsed.state;
}

/** Serialised saves (tenants finish concurrently), each one atomic (temp file + rename). */
export function stateSaver(path: string): (state: FleetState) => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  return (state) => {
    const text = `${JSON.stringify(state, null, 2)}\n`;
    chain = chain.then(async () => {
      const partial = `${path}.partial`;
      await writePrivateFile(partial, text, { overwrite: true });
      await rename(partial, path);
    });
    return chain;
  };
}
