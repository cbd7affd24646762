import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkNewFile, checkOutputFolder } from "./output-path.js";

const root = mkdtempSync(join(tmpdir(), "boxafe-out-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("output paths, checked before sign-in", () => {
  it("accepts a new file, also in folders still to create", async () => {
    await expect(checkNewFile(join(root, "values.txt"), "output")).resolves.toBeUndefined();
    await expect(checkNewFile(join(root, "a", "b", "values.txt"), "output")).resolves.toBeUndefined();
  });

  it("refuses an existing file, a folder, a symlink and a read-only folder, naming the option", async () => {
    const file = join(root, "exists.txt");
    writeFileSync(file, "old secret");
    await expect(checkNewFile(file, "output")).rejects.toThrow(/--output: .*already exists/);
    await expect(checkNewFile(root, "output")).rejects.toThrow(/--output: .* is a folder/);
    const link = join(root, "link.txt");
    symlinkSync(join(root, "nowhere"), link);
    await expect(checkNewFile(link, "output")).rejects.toThrow(/--output: .*symbolic link/);
    const locked = join(root, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    // root ignores permissions; the check is only meaningful for an ordinary user.
    if (process.getuid?.() !== 0) {
      await expect(checkNewFile(join(locked, "x.txt"), "output")).rejects.toThrow(/not writable/);
    }
    chmodSync(locked, 0o700);
  });

  it("checks a certificate folder and each file name in it", async () => {
    const dir = join(root, "certs");
    await expect(checkOutputFolder(dir, ["c.pem", "c.pfx"], "out-dir")).resolves.toBeUndefined();
    mkdirSync(dir);
    writeFileSync(join(dir, "c.pfx"), "");
    await expect(checkOutputFolder(dir, ["c.pem", "c.pfx"], "out-dir")).rejects.toThrow(
      /--out-dir: .*c\.pfx already exists/,
    );
    await expect(checkOutputFolder(join(root, "exists.txt"), [], "out-dir")).rejects.toThrow(/not a folder/);
  });
});
