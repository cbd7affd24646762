import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStyle } from "../style.js";
import { handOverLines, writeHandOverFile } from "./hand-over.js";

const values = {
  tenantId: "11111111-1111-1111-1111-111111111111",
  clientId: "22222222-2222-2222-2222-222222222222",
  clientSecret: "s3cret-value",
  secretExpiresAt: "2027-05-26T00:00:00Z",
};

describe("hand-over", () => {
  it("lists the values in the order of Boxafe's window", () => {
    expect(handOverLines(values, createStyle(false))).toEqual([
      "Application (client) ID: 22222222-2222-2222-2222-222222222222",
      "Directory (tenant) ID:   11111111-1111-1111-1111-111111111111",
      "Client secret:           s3cret-value",
      "Secret expires:          2027-05-26",
    ]);
  });

  it("writes a 0600 file and never overwrites one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bc-hand-over-"));
    const path = join(dir, "sub", "boxafe.txt");
    await writeHandOverFile(path, values);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, "utf8")).toContain("Client secret: s3cret-value");
    await expect(writeHandOverFile(path, values)).rejects.toThrow(/EEXIST/);
  });
});
