/**
 * Sign-in by browser: authorization code + PKCE with a loopback redirect (http://localhost:PORT),
 * for tenants whose Conditional Access blocks device code. A tiny server takes the code from the
 * query string or a form_post body; msal-node redeems it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { AuthenticationResult, PublicClientApplication } from "@azure/msal-node";

export interface BrowserSignInInput {
  readonly pca: PublicClientApplication;
  readonly scopes: string[];
  readonly loginHint?: string;
  /** Shows the URL to the user and/or opens a browser (or, in a sandbox, plays the browser's part). */
  readonly openBrowser: (url: string) => Promise<void>;
  readonly timeoutMs?: number;
}

interface CodeResponse {
  readonly code?: string;
  readonly state?: string;
  readonly error?: string;
  readonly error_description?: string;
}

const donePage =
  "<!doctype html><meta charset=utf-8><title>boxafe-connect</title><p>Signed in. You can close this window and return to the terminal.</p>";

function listen(): Promise<{ port: number; next: Promise<CodeResponse>; close(): void }> {
  return new Promise((resolve, reject) => {
    let deliver: (value: CodeResponse) => void = () => {};
    const next = new Promise<CodeResponse>((r) => {
      deliver = r;
    });
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const finish = (params: URLSearchParams) => {
        if (!params.has("code") && !params.has("error")) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(donePage);
        deliver(Object.fromEntries(params) as CodeResponse);
      };
      if (req.method === "POST") {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (chunk: string) => {
          body += chunk;
        });
        req.on("end", () => finish(new URLSearchParams(body)));
      } else {
        finish(url.searchParams);
      }
    });
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ port, next, close: () => server.close() });
    });
  });
}

export async function browserSignIn(input: BrowserSignInInput): Promise<AuthenticationResult> {
  const { CryptoProvider } = await import("@azure/msal-node");
  const crypto = new CryptoProvider();
  const { verifier, challenge } = await crypto.generatePkceCodes();
  const state = crypto.createNewGuid();
  const loopback = await listen();
  try {
    const redirectUri = `http://localhost:${loopback.port}`;
    const url = await input.pca.getAuthCodeUrl({
      scopes: input.scopes,
      redirectUri,
      codeChallenge: challenge,
      codeChallengeMethod: "S256",
      state,
      prompt: "select_account",
      ...(input.loginHint ? { loginHint: input.loginHint } : {}),
    });
    await input.openBrowser(url);
    const timeout = new Promise<CodeResponse>((resolve) => {
      setTimeout(
        () => resolve({ error: "timeout", error_description: "No answer from the browser in time." }),
        input.timeoutMs ?? 300_000,
      ).unref();
    });
    const response = await Promise.race([loopback.next, timeout]);
    if (response.error || !response.code) {
      throw Object.assign(
        new Error(`${response.error ?? "no_code"}: ${response.error_description ?? "no code"}`),
        {
          errorCode: response.error ?? "no_code",
        },
      );
    }
    if (response.state !== state) {
      throw Object.assign(new Error("The browser's answer did not match this sign-in (state)."), {
        errorCode: "state_mismatch",
      });
    }
    return await input.pca.acquireTokenByCode({
      code: response.code,
      codeVerifier: verifier,
      redirectUri,
      scopes: input.scopes,
    });
  } finally {
    loopback.close();
  }
}
