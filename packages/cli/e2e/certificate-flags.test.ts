/**
 * `certificate rotate` / `certificate retire` without --app-id or --object-id. Found by QA: the
 * error was `"" is not a GUID; it is the application's Object ID` with the JSON field
 * `applicationObjectId`, naming neither flag. Refused before the target is reached (exit 2).
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { childEnv, parseJson, requireBuild, runCli } from "./harness.js";

describe("certificate rotate | retire name a missing id flag", () => {
  it.each([
    ["certificate", "rotate"],
    ["certificate", "retire"],
  ])("%s %s", async (...command) => {
    requireBuild();
    const dir = await mkdtemp(join(tmpdir(), "bc-e2e-flags-"));
    const env = await childEnv(dir);
    const base = [
      ...command,
      "--json",
      "--certificate-file",
      join(dir, "none.pem"),
      "--sandbox",
      "https://127.0.0.1:1",
    ];
    const noApp = await runCli([...base, "--object-id", "1f2e3d4c-0000-4000-8000-000000000001"], env);
    expect(noApp.code).toBe(2);
    expect(parseJson(noApp)).toMatchObject({
      error: { message: expect.stringContaining("--app-id is needed") },
    });
    const noObject = await runCli([...base, "--app-id", "1f2e3d4c-0000-4000-8000-000000000002"], env);
    expect(noObject.code).toBe(2);
    expect(noObject.stderr).toContain("--object-id is needed");
  });
});
