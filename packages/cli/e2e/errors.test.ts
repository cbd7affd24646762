/** Error paths of the built CLI: exact message on stderr, exact exit code, nothing written. */
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFaults } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { childEnv, parseJson, requireBuild, runCli, startTestEnv } from "./harness.js";

const secretMessage =
  "Error: Secrets are never accepted as command-line arguments (shell history and process lists keep them). " +
  "Pipe the secret in with --client-secret-stdin, or set the environment variable BOXAFE_CLIENT_SECRET.";

async function isolatedEnv(): Promise<{ dir: string; env: Record<string, string> }> {
  requireBuild();
  const dir = await mkdtemp(join(tmpdir(), "bc-e2e-err-"));
  return { dir, env: await childEnv(dir) };
}

describe("error paths", () => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await startTestEnv();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a non-admin account stops before any write (embedded sandbox, --as)", async () => {
    const { dir, env } = await isolatedEnv();
    const run = await runCli(
      ["setup", "--yes", "--boxafe", "1.4", "--as", "user@contoso.onmicrosoft.com"],
      env,
    );
    expect(run.code).toBe(5);
    expect(run.stderr).toContain("using the built-in sandbox tenant contoso.onmicrosoft.com");
    expect(run.stderr).toContain(
      "Error: user@contoso.onmicrosoft.com holds no directory role that can grant admin consent. Sign in as a Global Administrator or Privileged Role Administrator, or ask one to run the setup.",
    );
    const state = join(dir, "config", "boxafe-connect", "sandbox-tenant.json");
    if (existsSync(state)) expect(readFileSync(state, "utf8")).not.toContain("QNAP Boxafe");
  });

  it("--sandbox with a --tenant that is not the sandbox's is refused naming --tenant (found by QA: it set up contoso)", async () => {
    const run = await t.run(["plan", "--sandbox", "--tenant", "fabrikam.com", "--json"]);
    expect(run.code, run.stderr).toBe(2);
    expect(parseJson(run)).toMatchObject({ ok: false, error: { code: "invalid_input", field: "tenant" } });
    expect(run.stderr).toContain("--tenant fabrikam.com is not the built-in sandbox's tenant");
    // The sandbox's own domain is fine, and the notice no longer claims no --tenant was given.
    const same = await t.run(["plan", "--sandbox", "--tenant", "CONTOSO.onmicrosoft.com"]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain("Using the built-in sandbox tenant contoso.onmicrosoft.com");
    expect(same.stderr).not.toContain("No --tenant given");
  });

  it("a bad tenant id is a usage error naming the value", async () => {
    const run = await t.run(["plan", "--tenant", "not a tenant"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Error: "not a tenant" is neither a GUID nor a domain name; copy the Directory (tenant) ID from the Entra overview page.',
    );
    const json = await t.run(["plan", "--tenant", "not a tenant", "--json"]);
    expect(json.code).toBe(2);
    expect(parseJson(json)).toMatchObject({
      command: "plan",
      ok: false,
      exitCode: 2,
      error: { code: "invalid_input", field: "tenant" },
    });
  });

  it("a bad app name is refused before sign-in", async () => {
    const run = await t.run(["setup", "--yes", "--app-name", "x".repeat(121), "--sandbox", t.sandbox.url]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("Error: The app name has 121 characters; use at most 120.");
  });

  it("an unreachable sandbox says how to start one", async () => {
    const run = await t.run(["plan", "--sandbox", "https://localhost:9"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "Error: Cannot reach the sandbox at https://localhost:9. Start one with 'boxafe-connect sandbox', or check the URL.",
    );
  });

  it("throttling beyond the retry budget ends with a clear message and exit 1", async () => {
    const throttle = () => t.sandbox.context.faults.set(parseFaults("throttle=1,retryAfter=0"));
    try {
      // Graph throttled after a good sign-in: the batch runner's budget runs out.
      const run = await t.run(["setup", "--yes", "--boxafe", "1.4", "--sandbox", t.sandbox.url], {
        env: { BOXAFE_RETRY_BUDGET_SECONDS: "2" },
        onStderr: (all) => {
          if (all.includes("Signed in as")) throttle();
        },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        "Error: Microsoft Graph kept throttling or was unavailable beyond the retry budget. Wait a few minutes and re-run; nothing is duplicated.",
      );
      // The sign-in itself throttled.
      const signIn = await t.run(["plan", "--sandbox", t.sandbox.url]);
      expect(signIn.code).toBe(1);
      expect(signIn.stderr).toContain(
        "Error: The Entra ID sign-in service is throttling or unavailable (AADSTS90055). Wait a few minutes and re-run.",
      );
    } finally {
      t.sandbox.context.faults.set(parseFaults(""));
    }
  });

  it("a secret given as an argument is refused without echoing it", async () => {
    const secret = "abc8Q~Zx9_yW.vU-tS~rQpOnMlKjIhGfEdCbA0123";
    for (const args of [
      ["verify", "--client-secret", secret],
      ["verify", `--client-secret=${secret}`],
      ["verify", "--app-name", secret],
    ]) {
      const run = await t.run(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(secretMessage);
      expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
    }
  });

  it("Ctrl-C during a wait leaves with exit 130 and says how to continue", async () => {
    t.sandbox.context.faults.set(parseFaults("latency=1500"));
    try {
      let sent = false;
      const run = await t.run(["setup", "--yes", "--boxafe", "1.4", "--sandbox", t.sandbox.url], {
        onStderr: (all, child) => {
          if (!sent && all.includes("Signing in")) {
            sent = true;
            child.kill("SIGINT");
          }
        },
      });
      expect(run.code).toBe(130);
      expect(run.stderr).toContain(
        "Cancelled. Run the command again to continue (a guided setup: setup --resume).",
      );
    } finally {
      t.sandbox.context.faults.set(parseFaults(""));
    }
  });

  it("Ctrl-C with --json still prints the one failure document (found by QA: stdout stayed empty)", async () => {
    t.sandbox.context.faults.set(parseFaults("latency=1500"));
    try {
      let sent = false;
      const run = await t.run(["setup", "--yes", "--json", "--boxafe", "1.4", "--sandbox", t.sandbox.url], {
        onStderr: (all, child) => {
          if (!sent && all.includes("devicelogin")) {
            sent = true;
            child.kill("SIGINT");
          }
        },
      });
      expect(run.code, run.stderr).toBe(130);
      expect(parseJson(run)).toMatchObject({
        command: "setup",
        ok: false,
        exitCode: 130,
        error: { code: "cancelled" },
      });
    } finally {
      t.sandbox.context.faults.set(parseFaults(""));
    }
  });

  it("setup without a terminal names a bad value before asking for a terminal (found by QA)", async () => {
    const run = await t.run(["setup", "--tenant", "contoso", "--json"]);
    expect(run.code).toBe(2);
    expect(parseJson(run)).toMatchObject({ ok: false, error: { code: "invalid_input", field: "tenant" } });
    expect(run.stderr).not.toContain("needs a terminal");
  });

  it("setup without a terminal and without --yes is a usage error", async () => {
    const run = await t.run(["setup", "--sandbox", t.sandbox.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "Error: The guided setup needs a terminal. Add --yes to run it without questions",
    );
  });
});
