import { describe, expect, it } from "vitest";
import { createOutput } from "./output.js";

function sink() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join("") };
}

describe("createOutput", () => {
  it("keeps stdout for the JSON document and redacts stderr", () => {
    const stdout = sink();
    const stderr = sink();
    const out = createOutput({ json: true, verbose: true, rich: false, stdout, stderr });
    out.redactor.protect("super-secret-value");
    out.info("not shown in --json mode");
    out.debug("token super-secret-value here");
    out.result({ ok: true });
    expect(JSON.parse(stdout.text())).toEqual({ ok: true });
    expect(stderr.text()).toBe("[debug] token [redacted] here\n");
  });

  it("redacts the JSON document and error JSON on stdout, except the values handed over", () => {
    const stdout = sink();
    const out = createOutput({ json: true, verbose: false, rich: false, stdout, stderr: sink() });
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJ1cG4iOiJhZG1pbkBjb250b3NvIn0.c2lnbmF0dXJl";
    const secret = "Qk18Q~NewSecretValue_0123456789abcdefgh";
    out.redactor.protect(token);
    out.redactor.handOver(secret);
    out.result({
      ok: false,
      error: { message: `Graph said: bearer ${token} rejected` },
      clientSecret: secret,
    });
    const doc = JSON.parse(stdout.text()) as { error: { message: string }; clientSecret: string };
    expect(doc.error.message).toBe("Graph said: bearer [redacted] rejected");
    expect(doc.clientSecret).toBe(secret);
  });

  it("redacts human result lines on stdout too", () => {
    const stdout = sink();
    const out = createOutput({ json: false, verbose: false, rich: false, stdout, stderr: sink() });
    out.redactor.protect("an-existing-secret-value");
    out.print("Verified with an-existing-secret-value");
    expect(stdout.text()).toBe("Verified with [redacted]\n");
  });

  it("prints plain progress lines without a TTY", () => {
    const stderr = sink();
    const out = createOutput({ json: false, verbose: false, rich: false, stdout: sink(), stderr });
    const step = out.step("Reading the tenant");
    step.done("Read the tenant");
    expect(stderr.text()).toBe("… Reading the tenant\n✔ Read the tenant\n");
  });

  it("clears a running spinner's line before printing a message", () => {
    const stderr = sink();
    const out = createOutput({ json: false, verbose: false, rich: true, stdout: sink(), stderr });
    const step = out.step("Signing in");
    out.info("Sandbox: signing in as admin");
    step.done("Signed in");
    expect(stderr.text()).toContain("\r\u001b[2KSandbox: signing in as admin\n");
    expect(stderr.text().endsWith("Signed in\n")).toBe(true);
  });
});
