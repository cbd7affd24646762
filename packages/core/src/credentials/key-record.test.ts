import { describe, expect, it } from "vitest";
import { mergeKeyRecord, parseKeyRecord } from "./key-record.js";

const entry = (letter: string, keyId: string) => ({
  keyId,
  thumbprint: letter.repeat(40),
  startDateTime: "2026-12-01T00:00:00.000Z",
  endDateTime: "2027-12-01T00:00:00.000Z",
});

describe("the certificate record", () => {
  it("merges by thumbprint and parses back; refuses corrupt, foreign or key-bearing text", () => {
    const app = { appId: "app-1", applicationObjectId: "obj-1" };
    const one = mergeKeyRecord(app, [entry("A", "k1")], [entry("A", "k2"), entry("B", "k3")]);
    expect(one.keys.map((k) => k.keyId)).toEqual(["k2", "k3"]);
    expect(parseKeyRecord(JSON.stringify(one), "app-1")).toEqual({ ok: true, record: one });
    expect(parseKeyRecord("{", "app-1")).toMatchObject({ ok: false, reason: /JSON/ });
    expect(parseKeyRecord(JSON.stringify(one), "app-2")).toMatchObject({ ok: false, reason: /app-1/ });
    expect(parseKeyRecord(JSON.stringify({ ...one, version: 2 }), "app-1")).toMatchObject({ ok: false });
    expect(parseKeyRecord(`${JSON.stringify(one)}-----BEGIN PRIVATE KEY-----`, "app-1")).toMatchObject({
      ok: false,
      reason: /key material/,
    });
  });
});
