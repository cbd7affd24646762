import { proofNotRun } from "@boxafe-connect/core";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { PermissionGroup } from "../components/permission-table.js";
import type { VerifyRow } from "../components/verify-results.js";
import { HandOverStep } from "./hand-over.js";
import { RegisterAppStep } from "./register-app.js";
import { VerifyStep } from "./verify.js";

const noop = () => undefined;
const groups: PermissionGroup[] = [
  {
    name: "Microsoft Graph",
    appId: "00000003-0000-0000-c000-000000000000",
    permissions: [
      {
        value: "Mail.ReadWrite",
        kind: "application",
        description: "Mail",
        adminConsentRequired: true,
        status: "missing",
        advisories: [],
      },
    ],
  },
];

describe("RegisterAppStep (review and apply)", () => {
  it("lists the planned changes and applies on request", () => {
    let applied = 0;
    render(() => (
      <RegisterAppStep
        phase="idle"
        appLabel="QNAP Boxafe"
        groups={groups}
        changes={["Create the app", "Assign Mail.ReadWrite"]}
        findings={["EWS is blocked by default since 2026-10-01."]}
        progress={[]}
        onApply={() => applied++}
        onBack={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByText(/2 changes to/)).toBeInTheDocument();
    // The lead claims only what the plan holds (a Boxafe 1.5 plan has a certificate, no secret).
    expect(screen.getByText(/2 changes to/)).not.toHaveTextContent(/secret|certificate/);
    expect(screen.getByTestId("planned-changes")).toHaveTextContent("Assign Mail.ReadWrite");
    expect(screen.getByTestId("findings")).toHaveTextContent("EWS is blocked");
    fireEvent.click(screen.getByRole("button", { name: "Apply the changes" }));
    expect(applied).toBe(1);
  });

  it("shows live progress and locks the buttons while applying", () => {
    render(() => (
      <RegisterAppStep
        phase="working"
        appLabel="QNAP Boxafe"
        groups={groups}
        changes={["Create the app"]}
        findings={[]}
        progress={[
          { id: "register-app", label: "Register the app", state: "done" },
          { id: "create-secret", label: "Create the client secret", state: "running" },
        ]}
        onApply={noop}
        onBack={noop}
        onErrorAction={noop}
      />
    ));
    const list = screen.getByRole("list", { name: "Applying the changes" });
    expect(list.querySelectorAll("li")[0]).toHaveAttribute("data-state", "done");
    expect(list.querySelectorAll("li")[1]).toHaveTextContent("Working");
    expect(screen.getByRole("button", { name: "Apply the changes" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Back" })).toBeDisabled();
  });

  it("says when nothing needs to change", () => {
    render(() => (
      <RegisterAppStep
        phase="idle"
        appLabel="QNAP Boxafe"
        groups={groups}
        changes={[]}
        findings={[]}
        progress={[]}
        onApply={noop}
        onBack={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByText(/already holds everything Boxafe needs/)).toBeInTheDocument();
  });

  it("shows a failed apply with a retry", () => {
    render(() => (
      <RegisterAppStep
        phase="error"
        error={{ code: "replication_timeout", message: "The new app was not visible in time." }}
        appLabel="QNAP Boxafe"
        groups={groups}
        changes={["Create the app"]}
        findings={[]}
        progress={[{ id: "grant-consent", label: "Grant admin consent", state: "failed" }]}
        onApply={noop}
        onBack={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByRole("alert")).toHaveAttribute("data-code", "replication_timeout");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
    // Only core's retry applies after a failure: no second "apply" button beside it.
    expect(screen.queryByRole("button", { name: "Apply the changes" })).toBeNull();
  });
});

const rows: VerifyRow[] = [
  { resource: "Microsoft Graph", value: "Mail.ReadWrite", kind: "application", status: "granted" },
  {
    resource: "Microsoft Graph",
    value: "Sites.FullControl.All",
    kind: "application",
    status: "pending",
    detail: "Assigned in the directory; not yet in the token.",
  },
  { resource: "OneNote", value: "Notes.ReadWrite.All", kind: "application", status: "unverifiable" },
];

describe("VerifyStep", () => {
  it("shows the attempt while tokens are asked for", () => {
    render(() => (
      <VerifyStep
        phase="working"
        rows={[]}
        tokens={[]}
        attempt={2}
        onRetry={noop}
        onContinue={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByRole("status")).toHaveTextContent("attempt 2");
  });

  it("offers to verify again when something is still pending", () => {
    let retried = 0;
    render(() => (
      <VerifyStep
        phase="done"
        rows={rows}
        tokens={[{ resource: "Microsoft Graph", ok: true, roles: 9 }]}
        attempt={1}
        onRetry={() => retried++}
        onContinue={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByTestId("verify-summary")).toHaveTextContent(
      "1 of 3 permissions proven, 1 pending, 1 not checkable by a token",
    );
    expect(screen.getByTestId("verify-tokens")).toHaveTextContent("Microsoft Graph 9 roles");
    fireEvent.click(screen.getByRole("button", { name: "Verify again" }));
    expect(retried).toBe(1);
  });

  it("shows a verification error", () => {
    render(() => (
      <VerifyStep
        phase="error"
        error={{ code: "invalid_client_credentials", message: "AADSTS7000215" }}
        rows={[]}
        tokens={[]}
        attempt={1}
        onRetry={noop}
        onContinue={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByRole("alert")).toHaveAttribute("data-code", "invalid_client_credentials");
  });
});

describe("HandOverStep", () => {
  const values = {
    clientId: "c",
    tenantId: "t",
    secret: { text: "s3cr3t-value", expiresOn: "2027-01-01T00:00:00Z" },
  };

  it("says the token proof did not run, never the green 'verified'", () => {
    render(() => (
      <HandOverStep
        values={{ clientId: "c", tenantId: "t" }}
        verify={{ rows: [], tokens: [], notRun: proofNotRun("secret-held-elsewhere") }}
        secretPending={false}
        canSharePoint={false}
        canFinish={true}
        onSecretSaved={noop}
        onCertificateHeld={noop}
        onSharePoint={noop}
        onFinish={noop}
      />
    ));
    expect(screen.getByTestId("verify-not-run")).toHaveTextContent(
      "Token proof not run: no secret here to prove with",
    );
    expect(screen.getByTestId("verify-result")).not.toHaveClass("ok");
    expect(screen.getByTestId("verify-result")).not.toHaveTextContent("Verified with real tokens");
  });

  it("counts a copied secret as shown, so the wizard may move on", async () => {
    let saved = 0;
    render(() => (
      <HandOverStep
        values={values}
        copy={async () => undefined}
        verify={{ rows, tokens: [] }}
        secretPending={true}
        canSharePoint={false}
        canFinish={false}
        onSecretSaved={() => saved++}
        onCertificateHeld={noop}
        onSharePoint={noop}
        onFinish={noop}
      />
    ));
    expect(screen.getByTestId("verify-result")).toHaveTextContent(
      "Verified with real tokens: 1 of 3 permissions proven",
    );
    expect(screen.queryByRole("button", { name: "Finish" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Copy Application (client) ID" }));
    await screen.findByText("Copied");
    expect(saved).toBe(0);
    fireEvent.click(screen.getByRole("button", { name: "Copy Client secret value" }));
    await screen.findAllByText("Copied");
    await Promise.resolve();
    expect(saved).toBe(1);
  });

  it("offers finish and SharePoint once the secret is saved", () => {
    render(() => (
      <HandOverStep
        values={values}
        secretPending={false}
        canSharePoint={true}
        canFinish={true}
        onSecretSaved={noop}
        onCertificateHeld={noop}
        onSharePoint={noop}
        onFinish={noop}
      />
    ));
    expect(screen.queryByRole("button", { name: "I have saved the secret" })).toBeNull();
    expect(screen.getByRole("button", { name: "Finish" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "SharePoint (optional)" })).toBeInTheDocument();
  });

  it("Boxafe 1.5: offering the downloads is not holding the key; a PEM or PFX download or the tick is", () => {
    URL.createObjectURL = () => "blob:fake";
    URL.revokeObjectURL = () => undefined;
    const certificate = {
      pem: "-----BEGIN CERTIFICATE-----",
      pfxBase64: btoa("pfx"),
      derBase64: btoa("der"),
      fileName: "boxafe",
    };
    const held: string[] = [];
    const step = () =>
      render(() => (
        <HandOverStep
          values={{ clientId: "c", tenantId: "t", boxafe: "1.5", certificate }}
          secretPending={false}
          canSharePoint={true}
          canFinish={true}
          onSecretSaved={() => held.push("secret")}
          onCertificateHeld={() => held.push("key")}
          onSharePoint={noop}
          onFinish={noop}
        />
      ));
    const first = step();
    // On screen with its downloads: not held yet (a reload now leaves the pending mark), and the step
    // does not move on: leaving would lose the key with the page.
    expect(held).toEqual([]);
    expect(screen.getByRole("button", { name: "Finish" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "SharePoint (optional)" })).toBeDisabled();
    expect(screen.getByTestId("key-pending")).toHaveTextContent("private key is in this page only");
    fireEvent.click(screen.getByRole("link", { name: /CER/ }));
    fireEvent.click(screen.getByRole("button", { name: "Copy Application (client) ID" }));
    expect(held).toEqual([]);
    expect(screen.getByRole("button", { name: "Finish" })).toBeDisabled();
    fireEvent.click(screen.getByRole("link", { name: /PFX/ }));
    expect(held).toEqual(["key"]);
    expect(screen.getByRole("button", { name: "Finish" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "SharePoint (optional)" })).toBeEnabled();
    expect(screen.queryByTestId("key-pending")).toBeNull();
    expect(screen.queryByRole("button", { name: "I have saved the PFX" })).toBeNull();
    first.unmount();
    step();
    fireEvent.click(screen.getByRole("button", { name: "I have saved the PFX" }));
    expect(held).toEqual(["key", "key"]);
  });
});
