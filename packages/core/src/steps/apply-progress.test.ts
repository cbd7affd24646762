import { describe, expect, it } from "vitest";
import { finishedApplySteps } from "./apply-progress.js";

describe("finishedApplySteps", () => {
  it("maps each finished wave to its steps", () => {
    expect(finishedApplySteps({ phase: "apply", message: "", done: 1 })).toEqual([
      "register-app",
      "add-permissions",
    ]);
    expect(finishedApplySteps({ phase: "apply", message: "", done: 2 })).toEqual(["create-secret"]);
    expect(finishedApplySteps({ phase: "apply", message: "", done: 3 })).toEqual(["grant-consent"]);
  });

  it("finishes nothing for other phases, a missing count or an unknown wave", () => {
    expect(finishedApplySteps({ phase: "verify", message: "", done: 1 })).toEqual([]);
    expect(finishedApplySteps({ phase: "apply", message: "wave 1" })).toEqual([]);
    expect(finishedApplySteps({ phase: "apply", message: "", done: 0 })).toEqual([]);
    expect(finishedApplySteps({ phase: "apply", message: "", done: 4 })).toEqual([]);
  });
});
