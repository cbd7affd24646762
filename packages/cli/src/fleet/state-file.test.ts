import { mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CoreError, emptyFleetState, type FleetState } from "@boxafe-connect/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultStatePath, loadFleetState, stateSaver } from "./state-file.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bc-fleet-state-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const done = (state: FleetState, i: number) => {
  state.tenants[`tenant-${i}`] = { stage: "done", updatedAt: "2026-12-01T00:00:00.000Z" };
};

describe("stateSaver", () => {
  it("every save a tenant awaits is on disk when it settles, however many run at once", async () => {
    const path = join(dir, "fleet.state.json");
    const save = stateSaver(path);
    const state = emptyFleetState();
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        done(state, i);
        await save(state);
        // This tenant's record is in the file the moment its save settles.
        expect(Object.keys((await loadFleetState(path)).tenants)).toContain(`tenant-${i}`);
      }),
    );
    expect(Object.keys((await loadFleetState(path)).tenants)).toHaveLength(50);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("a save asked for during a write is written after it, with the change", async () => {
    const path = join(dir, "fleet.state.json");
    const save = stateSaver(path);
    const state = emptyFleetState();
    done(state, 1);
    const first = save(state);
    done(state, 2);
    const second = save(state);
    done(state, 3);
    const third = save(state);
    await Promise.all([first, second, third]);
    expect(JSON.parse(await readFile(path, "utf8")).tenants).toHaveProperty("tenant-3");
  });
});

describe("loadFleetState", () => {
  it("a folder at the state path is bad input naming --state, not EISDIR", async () => {
    const path = join(dir, "fleet.state.json");
    await mkdir(path);
    const error = await loadFleetState(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: "invalid_input", field: "state" });
    expect((error as Error).message).toContain("--state");
    expect((error as Error).message).not.toContain("EISDIR");
  });

  it("derives the state path by replacing the fleet file's extension", () => {
    expect(defaultStatePath("/x/ok.csv")).toBe("/x/ok.state.json");
    expect(defaultStatePath("/x/ok.json")).toBe("/x/ok.state.json");
    expect(defaultStatePath("/x/ok.txt")).toBe("/x/ok.txt.state.json");
  });
});
