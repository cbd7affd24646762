/**
 * The fleet's resume state beside the fleet file (`ok.csv` -> `ok.state.json`, 0600; `--state FILE`
 * elsewhere): what each tenant reached. Written atomically after every change; a corrupt file, one of another shape or one
 * holding a credential is refused (exit 2) rather than silently started over.
 */
import { rename } from "node:fs/promises";
import { CoreError, emptyFleetState, type FleetState, parseFleetState } from "@boxafe-connect/core";
import { readTextIfExists, writePrivateFile } from "../files/private-file.js";

export function defaultStatePath(fleetFile: string): string {
  return `${fleetFile.replace(/\.(json|csv)$/i, "")}.state.json`;
}

export async function loadFleetState(path: string): Promise<FleetState> {
  const text = await readStateText(path);
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

/**
 * A folder (or an unreadable file) at the state path is bad input, found before sign-in: exit 2 naming
 * `--state`, not an "Unexpected error: EISDIR" after the admin has signed in.
 */
async function readStateText(path: string): Promise<string | undefined> {
  try {
    return await readTextIfExists(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== "EISDIR" && code !== "EACCES" && code !== "EPERM") throw error;
    const what = code === "EISDIR" ? "is a folder" : "cannot be read";
    throw new CoreError(
      "invalid_input",
      `The fleet state path ${path} ${what}: pass --state FILE with a file path, or move it aside.`,
      { field: "state" },
    );
  }
}

/**
 * Serialised saves (tenants finish concurrently), each one atomic (temp file + rename). A save asked for
 * while another is being written joins the next write, which serialises the state when it starts: every
 * caller's promise still settles only once a write holding its change is on disk (resume after a kill),
 * but 1,000 tenants no longer mean 3,000 writes of an ever longer file (quadratic in the fleet's size).
 */
export function stateSaver(path: string): (state: FleetState) => Promise<void> {
  let tail: Promise<void> = Promise.resolve();
  let next: { state: FleetState; written: Promise<void> } | undefined;
  const write = async (state: FleetState) => {
    const text = `${JSON.stringify(state, null, 2)}\n`;
    const partial = `${path}.partial`;
    await writePrivateFile(partial, text, { overwrite: true });
    await rename(partial, path);
  };
  return (state) => {
    if (next) {
      next.state = state;
      return next.written;
    }
    const slot: { state: FleetState; written: Promise<void> } = { state, written: Promise.resolve() };
    slot.written = tail
      .catch(() => undefined)
      .then(() => {
        // From here on a new save starts a new write: this one is serialised now, without it.
        next = undefined;
        return write(slot.state);
      });
    next = slot;
    tail = slot.written;
    return slot.written;
  };
}
