import { PublicClientApplication } from "@azure/msal-node";
import { msalAuthority } from "@boxafe-connect/runtime";
import { describe, expect, it } from "vitest";
import { browserSignIn } from "./browser-sign-in.js";

// Authority metadata inline: msal makes no network call before the browser answers.
const pca = () =>
  new PublicClientApplication({
    auth: {
      clientId: "14d82eec-204b-4c2f-b7e8-296a70dab67e",
      ...msalAuthority("https://login.microsoftonline.com", "contoso.onmicrosoft.com"),
    },
  });

describe("browserSignIn (msal-node acquireTokenInteractive)", () => {
  it("asks for code + PKCE S256 on a loopback redirect with form_post", async () => {
    let seen: URL | undefined;
    const refused = browserSignIn({
      pca: pca(),
      scopes: ["https://graph.microsoft.com/Application.ReadWrite.All"],
      loginHint: "admin@contoso.onmicrosoft.com",
      openBrowser: async (url) => {
        seen = new URL(url);
        // The admin declines on the consent page: Entra posts the error back to the loopback.
        const form = new URLSearchParams({
          error: "access_denied",
          error_description: "AADSTS65004: User declined to consent.",
          state: seen.searchParams.get("state") ?? "",
        });
        await fetch(seen.searchParams.get("redirect_uri") ?? "", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: form.toString(),
        });
      },
    });
    await expect(refused).rejects.toMatchObject({ errorCode: "access_denied" });
    expect(seen?.pathname).toBe("/contoso.onmicrosoft.com/oauth2/v2.0/authorize");
    expect(seen?.searchParams.get("redirect_uri")).toMatch(/^http:\/\/localhost:\d+$/);
    expect(seen?.searchParams.get("response_mode")).toBe("form_post");
    expect(seen?.searchParams.get("code_challenge_method")).toBe("S256");
    expect(seen?.searchParams.get("login_hint")).toBe("admin@contoso.onmicrosoft.com");
  });

  it("gives up when the browser never answers, and closes msal's loopback listener", async () => {
    let redirect = "";
    const refused = browserSignIn({
      pca: pca(),
      scopes: ["https://graph.microsoft.com/Application.ReadWrite.All"],
      timeoutMs: 200,
      openBrowser: async (url) => {
        redirect = new URL(url).searchParams.get("redirect_uri") ?? "";
      },
    });
    await expect(refused).rejects.toMatchObject({ errorCode: "timeout" });
    await expect(fetch(redirect)).rejects.toThrow();
  });
});
