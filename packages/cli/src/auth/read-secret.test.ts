import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readClientSecret } from "./read-secret.js";

const base = { command: "verify", env: {}, stdin: Readable.from([]) };

describe("readClientSecret", () => {
  it("reads stdin and trims the newline", async () => {
    const stdin = Readable.from(["abc8Q~secret\n"]);
    expect(await readClientSecret({ ...base, fromStdin: true, stdin })).toBe("abc8Q~secret");
  });

  it("falls back to BOXAFE_CLIENT_SECRET", async () => {
    expect(await readClientSecret({ ...base, fromStdin: false, env: { BOXAFE_CLIENT_SECRET: "s" } })).toBe(
      "s",
    );
  });

  it("says where a secret may come from when none is given", async () => {
    await expect(readClientSecret({ ...base, fromStdin: false })).rejects.toThrow(
      "No client secret: set BOXAFE_CLIENT_SECRET, pipe it with --client-secret-stdin, or use --certificate-file.",
    );
    await expect(readClientSecret({ ...base, fromStdin: true })).rejects.toThrow("stdin was empty");
  });
});
