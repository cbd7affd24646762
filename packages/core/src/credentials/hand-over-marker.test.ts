import { describe, expect, it } from "vitest";
import { attemptName } from "../engine/add-password.js";
import {
  isUnheldKey,
  isUnheldSecret,
  pendingIds,
  pendingTag,
  runIdOfSecretName,
  withoutPending,
  withPending,
} from "./hand-over-marker.js";

const secret = (displayName: string | null) => ({
  keyId: "k",
  displayName,
  startDateTime: "2026-12-01T00:00:00Z",
  endDateTime: "2027-06-01T00:00:00Z",
});

describe("hand-over marks", () => {
  it("reads the run id back from the name addPassword was given", () => {
    const name = attemptName(
      { appObjectId: "a", displayName: "boxafe-connect secret", endDateTime: "", runId: "mip3x0k2ab" },
      2,
    );
    expect(runIdOfSecretName(name)).toBe("mip3x0k2ab");
    expect(runIdOfSecretName("boxafe-connect")).toBeUndefined();
  });

  it("counts only our secrets of a pending run as unheld", () => {
    const pending = pendingIds(["other", pendingTag("run1")]);
    expect(isUnheldSecret(secret("boxafe-connect secret run1-0"), pending)).toBe(true);
    expect(isUnheldSecret(secret("boxafe-connect secret run2-0"), pending)).toBe(false);
    // Not made by us: never ours to judge, whatever its name says.
    expect(isUnheldSecret(secret("Boxafe manual run1-0"), pending)).toBe(false);
    // Made before the marks existed: counted as held.
    expect(isUnheldSecret(secret("boxafe-connect"), pending)).toBe(false);
  });

  it("marks certificates by keyId, and keeps foreign tags when adding or clearing marks", () => {
    const tags = withPending(["team:backup"], ["run1", "key-1"]);
    expect(tags).toEqual(["team:backup", pendingTag("run1"), pendingTag("key-1")]);
    expect(withPending(tags, ["run1"])).toEqual(tags);
    const key = { ...secret("CN=QNAP Boxafe"), keyId: "key-1", type: "AsymmetricX509Cert", usage: "Verify" };
    expect(isUnheldKey(key, pendingIds(tags))).toBe(true);
    expect(withoutPending(tags, ["run1", "key-1"])).toEqual(["team:backup"]);
  });
});
