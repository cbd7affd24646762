/** Help and version, browser sign-in, the certificate path, the web-app registration. */
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../src/cli/specs/index.js";
import type { TestEnv } from "./harness.js";
import { cliMain, parseJson, startTestEnv } from "./harness.js";

describe("more commands through the built CLI", () => {
  let t: TestEnv;
  let clientId = "";
  beforeAll(async () => {
    t = await startTestEnv();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("prints help for every command with examples, and the version", async () => {
    const top = await t.run(["--help"]);
    expect(top.code).toBe(0);
    for (const command of commands) {
      expect(top.stdout).toContain(command.name);
      const help = await t.run([...command.name.split(" "), "--help"]);
      expect(help.code, command.name).toBe(0);
      expect(help.stdout).toContain(`Usage: boxafe-connect ${command.name} [options]`);
      expect(help.stdout).toContain("Examples:");
    }
    const version = await t.run(["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await t.run([])).code).toBe(2);
  });

  it("signs in by browser (auth code + PKCE on a loopback port) as a Privileged Role Administrator", async () => {
    const run = await t.run([
      "setup",
      "--yes",
      "--boxafe",
      "1.4",
      "--auth",
      "browser",
      "--as",
      "pra@contoso.onmicrosoft.com",
      "--sandbox",
      t.sandbox.url,
      "--output",
      join(t.dir, "values.txt"),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("Sandbox: signing in as pra@contoso.onmicrosoft.com.");
    expect(statSync(join(t.dir, "values.txt")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(t.dir, "values.txt"), "utf8")).toMatch(/^Client secret: \S{3}\dQ~/m);
    expect(run.stderr).toContain("✔ Signed in as pra@contoso.onmicrosoft.com");
    clientId = run.stdout.match(/Application \(client\) ID: ([0-9a-f-]{36})/)?.[1] ?? "";
    expect(t.sandbox.context.dir.appByAppId(clientId)?.displayName).toBe("QNAP Boxafe");
  });

  it("adds a certificate for SharePoint, and verify accepts it instead of a secret", async () => {
    const run = await t.run(
      ["sharepoint", "--json", "--app-id", clientId, "--out-dir", t.dir, "--sandbox", t.sandbox.url],
      {
        env: { BOXAFE_PFX_PASSWORD: "correct horse battery" },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    const doc = parseJson(run) as {
      files: { pem: string };
      pfxPassword: string | null;
      verification: { complete: boolean };
    };
    expect(doc).toMatchObject({ mode: "certificate", pfxPassword: null, verification: { complete: true } });
    expect(doc.files.pem).toBe(join(t.dir, `boxafe-${clientId.slice(0, 8)}-sharepoint.pem`));
    const verify = await t.run([
      "verify",
      "--json",
      "--app-id",
      clientId,
      "--certificate-file",
      doc.files.pem,
      "--sandbox",
      t.sandbox.url,
    ]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(parseJson(verify)).toMatchObject({ ok: true, report: { complete: true } });
  });

  it("certificate rotate: the app rolls its own certificate with no admin sign-in; both work", async () => {
    const app = t.sandbox.context.dir.appByAppId(clientId);
    const pem = join(t.dir, `boxafe-${clientId.slice(0, 8)}-sharepoint.pem`);
    const before = app?.keyCredentials.length ?? 0;
    const outDir = join(t.dir, "rotated");
    const run = await t.run(
      [
        "certificate",
        "rotate",
        "--json",
        "--app-id",
        clientId,
        "--object-id",
        app?.id ?? "",
        "--certificate-file",
        pem,
        "--out-dir",
        outDir,
        "--sandbox",
        t.sandbox.url,
      ],
      { env: { BOXAFE_PFX_PASSWORD: "correct horse battery" } },
    );
    expect(run.code, run.stderr).toBe(0);
    const doc = parseJson(run) as { files: { pem: string }; thumbprint: string };
    expect(t.sandbox.context.dir.appByAppId(clientId)?.keyCredentials.length).toBe(before + 1);
    for (const file of [pem, doc.files.pem]) {
      const verify = await t.run([
        "verify",
        "--json",
        "--app-id",
        clientId,
        "--certificate-file",
        file,
        "--sandbox",
        t.sandbox.url,
      ]);
      expect(verify.code, `${file}: ${verify.stderr}`).toBe(0);
    }
    // A wrong object id is refused by Graph's proof check: nothing added.
    const wrong = await t.run([
      "certificate",
      "rotate",
      "--json",
      "--app-id",
      clientId,
      "--object-id",
      "00000000-0000-4000-8000-000000000000",
      "--certificate-file",
      pem,
      "--out-dir",
      join(t.dir, "wrong"),
      "--sandbox",
      t.sandbox.url,
    ]);
    expect(wrong.code).not.toBe(0);
    expect(t.sandbox.context.dir.appByAppId(clientId)?.keyCredentials.length).toBe(before + 1);
  });

  it("sharepoint again in the same folder reuses its files: no second certificate, nothing written", async () => {
    const keys = () => t.sandbox.context.dir.appByAppId(clientId)?.keyCredentials.length;
    const before = keys();
    const writes = t.sandbox.context.stats.snapshot().writes;
    const run = await t.run(
      ["sharepoint", "--json", "--app-id", clientId, "--out-dir", t.dir, "--sandbox", t.sandbox.url],
      { env: { BOXAFE_PFX_PASSWORD: "correct horse battery" } },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({ source: "held", added: false, changed: false, files: null });
    expect(keys()).toBe(before);
    expect(t.sandbox.context.stats.snapshot().writes).toBe(writes);
  });

  it("setup -o with an existing file is exit 2 before sign-in; the file is untouched", async () => {
    const file = join(t.dir, "values.txt");
    const kept = readFileSync(file, "utf8");
    const writes = t.sandbox.context.stats.snapshot().writes;
    const run = await t.run(["setup", "--yes", "--json", "-o", file, "--sandbox", t.sandbox.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--output: .*already exists/);
    expect(t.sandbox.context.stats.snapshot().writes).toBe(writes);
    expect(readFileSync(file, "utf8")).toBe(kept);
  });

  it("trusts a running sandbox's CA from its directory, without NODE_EXTRA_CA_CERTS", async () => {
    const { NODE_EXTRA_CA_CERTS: _bundle, ...env } = t.env;
    const { runCli } = await import("./harness.js");
    const run = await runCli(["plan", "--json", "--sandbox", t.sandbox.url], env);
    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({ command: "plan", app: { exists: true } });
  });

  it("prints the legacy appinv.aspx values with the retirement advisory", async () => {
    const run = await t.run([
      "sharepoint",
      "--legacy-appinv",
      "--app-id",
      clientId,
      "--sandbox",
      t.sandbox.url,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx");
    expect(run.stdout).toContain('<AppPermissionRequests AllowAppOnlyPolicy="true">');
    expect(run.stderr).toContain("retired");
  });

  it("runs the sandbox command until Ctrl-C, announcing itself as one JSON line", async () => {
    const child = spawn(process.execPath, [cliMain, "sandbox", "--port", "0", "--json"], { env: t.env });
    let stdout = "";
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        stdout += d;
        if (stdout.includes("\n")) resolve(stdout.split("\n")[0] ?? "");
      });
      child.on("error", reject);
      child.on("close", () => reject(new Error(`sandbox exited early: ${stdout}`)));
    });
    const doc = JSON.parse(line) as { url: string; tenantId: string; caFile: string };
    expect(doc.tenantId).toBe(t.sandbox.tenantId);
    expect(doc.url).toMatch(/^https:\/\/localhost:\d+$/);
    const exit = new Promise<number | null>((resolve) => child.on("close", resolve));
    child.kill("SIGINT");
    expect(await exit).toBe(0);
  });

  it("registers the web UI's single-page app", async () => {
    const run = await t.run([
      "web-app",
      "register",
      "--json",
      "--redirect-uri",
      "https://nas.example.com/connect/",
      "--sandbox",
      t.sandbox.url,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const doc = parseJson(run);
    const app = t.sandbox.context.dir.appByAppId(String(doc.clientId));
    expect(app?.spa.redirectUris).toEqual(["https://nas.example.com/connect/"]);
    expect(doc.scopes).toEqual([
      "Application.ReadWrite.All",
      "AppRoleAssignment.ReadWrite.All",
      "DelegatedPermissionGrant.ReadWrite.All",
      "User.Read",
    ]);
  });
});
