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
