import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it } from "vitest";
import type { CertificateMade } from "../components/certificate-panel.js";
import type { ErrorAction } from "../error-view.js";
import type { HandOverAction } from "../wizard/held-rule.js";
import { SharePointStep } from "./sharepoint.js";
import type { Phase } from "./types.js";

const noop = () => undefined;
const idle = { phase: "idle" as Phase };
const made: CertificateMade = {
  thumbprint: "A1B2C3",
  notAfter: "2027-11-28T00:00:00.000Z",
  pem: "-----BEGIN CERTIFICATE-----\n…\n-----BEGIN PRIVATE KEY-----\n…\n",
  pfx: new Uint8Array([48, 130, 1]),
  fileName: "boxafe-app-1-sharepoint",
};

beforeEach(() => {
  let n = 0;
  URL.createObjectURL = () => `blob:fake-${++n}`;
  URL.revokeObjectURL = () => undefined;
});

describe("SharePointStep", () => {
  it("explains the retired appinv.aspx trust and shows the legacy page once ready", () => {
    let confirmed = 0;
    render(() => (
      <SharePointStep
        phase="done"
        appId="app-1"
        url="https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx"
        certificate={idle}
        onCreateCertificate={noop}
        onConfirm={() => confirmed++}
        onSkip={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByTestId("sharepoint-advice")).toHaveTextContent("--app-id app-1 --certificate");
    expect(screen.getByTestId("appinv-url")).toHaveTextContent("contoso-admin.sharepoint.com");
    // No certificate yet: nothing here makes SharePoint work, so no "Done" (its tick would claim it); Skip.
    expect(screen.getByRole("button", { name: "Done" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Skip" })).toBeEnabled();
    fireEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(confirmed).toBe(0);
  });

  it("waits while the values are prepared, with nothing to create yet", () => {
    render(() => (
      <SharePointStep
        phase="working"
        appId="a"
        certificate={idle}
        onCreateCertificate={noop}
        onConfirm={noop}
        onSkip={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByRole("button", { name: "Done" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Create a certificate" })).toBeDisabled();
    expect(screen.getByText("Preparing the SharePoint values…")).toBeInTheDocument();
  });

  it("asks for the PFX password (required, labelled) before it creates a certificate", () => {
    const passwords: string[] = [];
    render(() => (
      <SharePointStep
        phase="done"
        appId="app-1"
        certificate={idle}
        onCreateCertificate={(p) => passwords.push(p)}
        onConfirm={noop}
        onSkip={noop}
        onErrorAction={noop}
      />
    ));
    const input = screen.getByLabelText("Password for the PFX file");
    expect(input).toHaveAttribute("type", "password");
    expect(input).toBeRequired();
    fireEvent.click(screen.getByRole("button", { name: "Create a certificate" }));
    expect(passwords).toEqual([]);
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Choose a password for the PFX file.")).toBeInTheDocument();
    fireEvent.input(input, { target: { value: "pfx pass 1" } });
    fireEvent.click(screen.getByRole("button", { name: "Create a certificate" }));
    expect(passwords).toEqual(["pfx pass 1"]);
    expect(input).toHaveAttribute("aria-invalid", "false");
  });

  it("shows progress while the certificate is made and added, and holds the step's buttons", () => {
    render(() => (
      <SharePointStep
        phase="done"
        appId="app-1"
        certificate={{ phase: "working" }}
        onCreateCertificate={noop}
        onConfirm={noop}
        onSkip={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByText(/Creating the certificate in this browser/)).toBeInTheDocument();
    for (const name of ["Create a certificate", "Done", "Skip"]) {
      expect(screen.getByRole("button", { name })).toBeDisabled();
    }
    expect(screen.queryByTestId("certificate-downloads")).toBeNull();
  });

  it("shows a failure with its next action; Try again creates again with the same password", () => {
    const passwords: string[] = [];
    const actions: ErrorAction[] = [];
    render(() => (
      <SharePointStep
        phase="done"
        appId="app-1"
        certificate={{
          phase: "error",
          error: { code: "unreachable", message: "The token endpoint could not be reached." },
        }}
        onCreateCertificate={(p) => passwords.push(p)}
        onConfirm={noop}
        onSkip={noop}
        onErrorAction={(a) => actions.push(a)}
      />
    ));
    const panel = screen.getByTestId("certificate-panel");
    expect(within(panel).getByRole("alert")).toHaveAttribute("data-code", "unreachable");
    fireEvent.input(screen.getByLabelText("Password for the PFX file"), { target: { value: "pw" } });
    fireEvent.click(within(panel).getByRole("button", { name: "Try again" }));
    expect(passwords).toEqual(["pw"]);
    expect(actions).toEqual([]);
    expect(screen.getByRole("button", { name: "Skip" })).toBeEnabled();
  });

  it("when made: thumbprint, expiry and the PEM and PFX downloads; the form is gone", () => {
    render(() => (
      <SharePointStep
        phase="done"
        appId="app-1"
        certificate={{ phase: "done", made }}
        onCreateCertificate={noop}
        onConfirm={noop}
        onSkip={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByTestId("certificate-thumbprint")).toHaveTextContent("A1B2C3");
    expect(screen.getByTestId("certificate-made")).toHaveTextContent("valid until 2027-11-28");
    expect(screen.queryByLabelText("Password for the PFX file")).toBeNull();
    const pem = screen.getByRole("link", { name: "Download certificate and private key (PEM)" });
    expect(pem).toHaveAttribute("download", "boxafe-app-1-sharepoint.pem");
    expect(pem.getAttribute("href")).toMatch(/^blob:/);
    const pfx = screen.getByRole("link", { name: "Download certificate with private key (PFX)" });
    expect(pfx).toHaveAttribute("download", "boxafe-app-1-sharepoint.pfx");
    expect(pfx.getAttribute("href")).not.toBe(pem.getAttribute("href"));
  });

  it("a made certificate is not held until a PEM or PFX download or 'I have saved the PFX': no Done, no Skip", () => {
    const actions: HandOverAction[] = [];
    let moved = 0;
    const step = (held: boolean) =>
      render(() => (
        <SharePointStep
          phase="done"
          appId="app-1"
          certificate={{ phase: "done", made, held }}
          onCreateCertificate={noop}
          onCertificateAction={(a) => actions.push(a)}
          onConfirm={() => moved++}
          onSkip={() => moved++}
          onErrorAction={noop}
        />
      ));
    const shown = step(false);
    expect(screen.getByRole("button", { name: "Done" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Skip" })).toBeDisabled();
    expect(screen.getByTestId("certificate-unheld")).toHaveTextContent("private key is in this page only");
    fireEvent.click(screen.getByRole("link", { name: /PFX/ }));
    fireEvent.click(screen.getByRole("button", { name: "I have saved the PFX" }));
    expect(actions).toEqual([{ kind: "download", file: "pfx" }, { kind: "confirm" }]);
    expect(moved).toBe(0);
    shown.unmount();
    step(true);
    expect(screen.queryByTestId("certificate-unheld")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(moved).toBe(1);
  });

  it("after a reload says a certificate made here is lost (its key was in that page) and what to do", () => {
    render(() => (
      <SharePointStep
        phase="done"
        appId="app-1"
        certificate={idle}
        lost={[
          {
            keyId: "k1",
            thumbprint: "AA11BB",
            startDateTime: "2026-12-02T01:00:00Z",
            endDateTime: "2027-12-02T01:00:00Z",
          },
        ]}
        onCreateCertificate={noop}
        onConfirm={noop}
        onSkip={noop}
        onErrorAction={noop}
      />
    ));
    const lost = screen.getByTestId("sharepoint-lost");
    expect(lost).toHaveTextContent("AA11BB");
    expect(lost).toHaveTextContent("nobody can use it");
    expect(lost).toHaveTextContent("Create a new certificate below");
    expect(screen.getByRole("button", { name: "Create a certificate" })).toBeEnabled();
  });

  it("Boxafe 1.5: the handed-over certificate already gives SharePoint access; Done without a second one", () => {
    let confirmed = 0;
    render(() => (
      <SharePointStep
        phase="done"
        appId="app-1"
        certificate={idle}
        reused={{ thumbprint: "C0FFEE", notAfter: "2027-12-02T00:00:00Z" }}
        onCreateCertificate={noop}
        onConfirm={() => confirmed++}
        onSkip={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByTestId("sharepoint-reused")).toHaveTextContent("C0FFEE");
    expect(screen.getByTestId("sharepoint-reused")).toHaveTextContent("nothing to add");
    fireEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(confirmed).toBe(1);
  });
});
