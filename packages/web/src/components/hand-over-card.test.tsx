import { fireEvent, render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { HandOverCard } from "./hand-over-card.js";

const values = {
  clientId: "11111111-2222-3333-4444-555555555555",
  tenantId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  secret: { text: "s3cr3t~value", expiresOn: "2027-11-27T10:00:00Z" },
};

describe("HandOverCard", () => {
  it("copies each value with its own labelled button and announces it", async () => {
    const copied: string[] = [];
    render(() => <HandOverCard values={values} copy={async (t) => void copied.push(t)} />);
    fireEvent.click(screen.getByRole("button", { name: "Copy Application (client) ID" }));
    fireEvent.click(screen.getByRole("button", { name: "Copy Directory (tenant) ID" }));
    fireEvent.click(screen.getByRole("button", { name: "Copy Client secret value" }));
    await screen.findAllByText("Copied");
    expect(copied).toEqual([values.clientId, values.tenantId, values.secret.text]);
    expect(screen.getAllByText("Copied")).toHaveLength(3);
    expect(screen.getByTestId("secret-expiry")).toHaveTextContent("2027-11-27");
  });

  it("warns that the secret is shown once", () => {
    render(() => <HandOverCard values={values} copy={async () => undefined} />);
    expect(screen.getByTestId("secret-warning")).toHaveTextContent(/shown only once/);
  });

  it("says so when no secret was made in this session", () => {
    render(() => <HandOverCard values={{ clientId: values.clientId, tenantId: values.tenantId }} />);
    expect(screen.queryByTestId("client-secret")).toBeNull();
    expect(screen.queryByTestId("secret-warning")).toBeNull();
    expect(screen.getByTestId("secret-absent")).toHaveTextContent(/secret rotate/);
  });

  it("tells the user to copy by hand when the clipboard refuses", async () => {
    render(() => (
      <HandOverCard
        values={values}
        copy={async () => {
          throw new Error("denied");
        }}
      />
    ));
    fireEvent.click(screen.getByRole("button", { name: "Copy Directory (tenant) ID" }));
    expect(await screen.findByText(/copy it by hand/)).toBeInTheDocument();
  });

  it("offers PEM and PFX downloads when a certificate was made", () => {
    URL.createObjectURL = () => "blob:fake";
    URL.revokeObjectURL = () => undefined;
    const certificate = { pem: "-----BEGIN CERTIFICATE-----", pfxBase64: btoa("pfx"), fileName: "boxafe" };
    render(() => <HandOverCard values={{ ...values, certificate }} />);
    expect(screen.getByRole("link", { name: "Download certificate and private key (PEM)" })).toHaveAttribute(
      "download",
      "boxafe.pem",
    );
    expect(screen.getByRole("link", { name: /PFX/ })).toHaveAttribute("download", "boxafe.pfx");
  });

  it("says the key is held when a file with it is downloaded, not for the certificate alone", () => {
    URL.createObjectURL = () => "blob:fake";
    URL.revokeObjectURL = () => undefined;
    const certificate = {
      pem: "-----BEGIN CERTIFICATE-----",
      pfxBase64: btoa("pfx"),
      derBase64: btoa("der"),
      fileName: "boxafe",
    };
    const held: string[] = [];
    render(() => (
      <HandOverCard
        values={{ clientId: values.clientId, tenantId: values.tenantId, boxafe: "1.5", certificate }}
        onHeld={() => held.push("held")}
      />
    ));
    // jsdom does not navigate to the blob: only the click matters here.
    const click = (name: RegExp) => fireEvent.click(screen.getByRole("link", { name }));
    click(/CER/);
    expect(held).toEqual([]);
    click(/PEM/);
    click(/PFX/);
    expect(held).toEqual(["held", "held"]);
  });

  it("hands Boxafe 1.5 the tenant ID, the client ID, the PFX with its password, PEM and CER; no secret", async () => {
    URL.createObjectURL = () => "blob:fake";
    URL.revokeObjectURL = () => undefined;
    const copied: string[] = [];
    const certificate = {
      pem: "-----BEGIN CERTIFICATE-----",
      pfxBase64: btoa("pfx"),
      fileName: "boxafe-11111111",
      pfxPassword: "abcdEFGH2345jkmnPQRS",
      derBase64: btoa("der"),
      notAfter: "2027-12-01T00:00:00Z",
    };
    render(() => (
      <HandOverCard
        values={{ clientId: values.clientId, tenantId: values.tenantId, boxafe: "1.5", certificate }}
        copy={async (t) => void copied.push(t)}
      />
    ));
    const labels = screen
      .getAllByRole("button", { name: /^Copy / })
      .map((b) => b.getAttribute("aria-label") ?? b.textContent);
    expect(labels.slice(0, 3).join("|")).toMatch(/tenant.*\|.*client.*\|.*PFX password/i);
    expect(screen.getByTestId("hand-over-version")).toHaveTextContent(/certificate/);
    expect(screen.queryByTestId("secret-absent")).toBeNull();
    expect(screen.queryByTestId("client-secret")).toBeNull();
    expect(screen.getByTestId("certificate-warning")).toHaveTextContent(/cannot be downloaded again/);
    expect(screen.getByRole("link", { name: /PFX/ })).toHaveAttribute("download", "boxafe-11111111.pfx");
    expect(screen.getByRole("link", { name: /PEM/ })).toHaveAttribute("download", "boxafe-11111111.pem");
    expect(screen.getByRole("link", { name: /CER/ })).toHaveAttribute("download", "boxafe-11111111.cer");
    fireEvent.click(screen.getByRole("button", { name: "Copy PFX password" }));
    await screen.findByText("Copied");
    expect(copied).toEqual([certificate.pfxPassword]);
    expect(screen.getByTestId("certificate-expiry")).toHaveTextContent("2027-12-01");
  });

  it("hands Boxafe 1.4 the client ID, tenant ID and secret, in that order", () => {
    render(() => <HandOverCard values={{ ...values, boxafe: "1.4" }} copy={async () => undefined} />);
    const labels = screen
      .getAllByRole("button", { name: /^Copy / })
      .map((b) => b.getAttribute("aria-label") ?? b.textContent);
    expect(labels.slice(0, 3).join("|")).toMatch(/client\) ID.*\|.*tenant.*\|.*secret value/i);
    expect(screen.queryByRole("link", { name: /PFX/ })).toBeNull();
  });
});
