import { describe, expect, it } from "vitest";
import { devicePrompt } from "./device-login.js";

describe("devicePrompt", () => {
  it("reads the page and code from m365's prompt, and nothing from other output", () => {
    const text =
      " 🌶️  To sign in, use a web browser to open the page https://localhost:35679/devicelogin and enter the code TE5Z38WP6 to authenticate.\n";
    expect(devicePrompt(text)).toEqual({
      verificationUri: "https://localhost:35679/devicelogin",
      userCode: "TE5Z38WP6",
    });
    expect(devicePrompt("Logging in...")).toBeUndefined();
  });
});
