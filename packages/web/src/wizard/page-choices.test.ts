import { beforeEach, describe, expect, it } from "vitest";
import { CHOICES_KEY } from "./keys.js";
import { loadChoices, saveChoices } from "./page-choices.js";

describe("page choices kept across a reload", () => {
  beforeEach(() => sessionStorage.clear());

  it("keeps the Boxafe version and the secret lifetime, merged", () => {
    expect(loadChoices()).toEqual({});
    saveChoices({ boxafe: "1.5" });
    saveChoices({ secretDays: 90 });
    expect(loadChoices()).toEqual({ boxafe: "1.5", secretDays: 90 });
    saveChoices({ boxafe: "1.4" });
    expect(loadChoices()).toEqual({ boxafe: "1.4", secretDays: 90 });
  });

  it("drops what is not JSON or of the wrong shape", () => {
    sessionStorage.setItem(CHOICES_KEY, "{not json");
    expect(loadChoices()).toEqual({});
    sessionStorage.setItem(CHOICES_KEY, JSON.stringify({ boxafe: "2.0", secretDays: -3, secret: "x" }));
    expect(loadChoices()).toEqual({});
    sessionStorage.setItem(CHOICES_KEY, JSON.stringify({ boxafe: "1.5", secretDays: 1.5 }));
    expect(loadChoices()).toEqual({ boxafe: "1.5" });
    sessionStorage.setItem(CHOICES_KEY, "null");
    expect(loadChoices()).toEqual({});
  });
});
