import { mkdir, mkdtemp, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { initialState } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { createOutput } from "../output.js";
import { checkNewStateFile, loadRun, saveRun } from "./state-store.js";

const sink = { write: () => true };

function context(values: CommandContext["values"]): CommandContext {
  return {
    command: "setup",
    values,
    out: createOutput({ json: false, verbose: false, rich: false, stdout: sink, stderr: sink }),
    env: {},
    stdin: Readable.from([]),
    interactive: true,
  };
}

describe("setup state store", () => {
  it("saves the state and the non-secret flags with mode 0600, and loads them back", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "bc-state-")), "nested", "state.json");
    const ctx = context({ tenant: "contoso.onmicrosoft.com", "secret-days": "365", json: true });
    const state = initialState({ defaultDisplayName: "Boxafe NAS" });
    await saveRun(path, ctx, state);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const saved = await loadRun(path);
    expect(saved.state).toEqual(state);
    expect(saved.flags).toEqual({ tenant: "contoso.onmicrosoft.com", "secret-days": "365" });
  });

  it("refuses to save a state that would contain a known secret", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "bc-state-")), "state.json");
    const ctx = context({});
    ctx.out.redactor.protect("Boxafe NAS secret name");
    await expect(
      saveRun(path, ctx, initialState({ defaultDisplayName: "Boxafe NAS secret name" })),
    ).rejects.toThrow("Refusing to save a setup state that holds a secret.");
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });

  it("says how to start when there is nothing to resume", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "bc-state-")), "missing.json");
    await expect(loadRun(path)).rejects.toThrow(`No saved setup to resume at ${path}.`);
  });

  it.each([
    ["corrupt (not JSON)", '{"savedAt": "2026-12-01T', "it is not valid JSON"],
    ["of the wrong shape", JSON.stringify({ savedAt: "x", flags: {}, state: { phase: "flying" } }), "state."],
    [
      "holding a client secret",
      JSON.stringify({
        savedAt: "x",
        flags: {},
        state: { secretText: "abc8Q~aBcDeFgHiJkLmNoPqRsTuVwXyZ0123" },
      }),
      "it holds",
    ],
  ])(
    "refuses a state file %s as a usage error naming the file and the reason",
    async (_name, text, reason) => {
      const path = join(await mkdtemp(join(tmpdir(), "bc-state-")), "state.json");
      await writeFile(path, text);
      const error = await loadRun(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toContain(`Cannot resume from ${path}: `);
      expect((error as Error).message).toContain(reason);
      expect((error as Error).message).not.toContain("Q~");
    },
  );

  // Found by QA: `setup --state-file notes.txt` rewrote the admin's file after every step (through a
  // symbolic link: its target) and deleted it at the end; a folder was "Unexpected error: EISDIR".
  describe("a --state-file that is not ours is refused before anything runs", () => {
    const cases = async () => {
      const dir = await mkdtemp(join(tmpdir(), "bc-state-"));
      const notes = join(dir, "notes.txt");
      await writeFile(notes, "precious");
      const link = join(dir, "link.json");
      await symlink(notes, link);
      const folder = join(dir, "folder");
      await mkdir(folder);
      return { dir, notes, link, folder };
    };
    it("a symbolic link, a folder, or a file that is not a saved setup", async () => {
      const { notes, link, folder } = await cases();
      for (const [path, why] of [
        [link, "is a symbolic link"],
        [folder, "is not a file"],
        [notes, "exists and is not a saved setup"],
      ] as const) {
        const error = await checkNewStateFile(context({ "state-file": path })).catch((e: unknown) => e);
        expect(error, path).toBeInstanceOf(UsageError);
        expect(String((error as Error).message)).toContain(`--state-file: ${path} ${why}`);
      }
      await expect(loadRun(link)).rejects.toThrow("is a symbolic link");
      await expect(loadRun(folder)).rejects.toThrow("is not a file");
      expect(await readFile(notes, "utf8")).toBe("precious");
    });
    it("an earlier saved setup may be replaced, and so may a broken default file", async () => {
      const { dir } = await cases();
      const earlier = join(dir, "earlier.json");
      await saveRun(earlier, context({}), initialState({ defaultDisplayName: "QNAP Boxafe" }));
      await expect(checkNewStateFile(context({ "state-file": earlier }))).resolves.toBeUndefined();
      const config = join(dir, "config");
      await mkdir(join(config, "boxafe-connect"), { recursive: true });
      await writeFile(join(config, "boxafe-connect", "setup-state.json"), "{broken");
      const byDefault = { ...context({}), env: { XDG_CONFIG_HOME: config } };
      await expect(checkNewStateFile(byDefault)).resolves.toBeUndefined();
    });
  });
});
