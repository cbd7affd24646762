import { cloudEndpoints } from "@boxafe-connect/core";
import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { EndPanel } from "./end-panel.js";
import { useWorkloads } from "./use-workloads.js";

const noop = () => undefined;
const cloud = cloudEndpoints("global");
const target = {
  tenantId: "0b0c0d0e-1111-4222-8333-444455556666",
  clientId: "a1b2c3d4-0000-4000-8000-000000000001",
  sharePointTenant: "contoso",
  initialDomain: "contoso.onmicrosoft.com",
  adminUpn: "admin@contoso.onmicrosoft.com",
  cloud,
};
const REPORT = {
  graph: { state: "works", call: "GET users" },
  exchange: { state: "blocked", call: "GetFolder", why: "EWS answered", fix: "allow list" },
  sharepoint: { state: "blocked", call: "_api/web", why: "secret", fix: "certificate" },
  ready: { graph: "works", exchange: "blocked", sharepoint: "blocked" },
  readiness: {
    allWork: false,
    headline: "Boxafe can back up Microsoft Graph now; the rest is not ready yet.",
    lines: [
      { workload: "graph", state: "works", text: "Graph: works" },
      { workload: "exchange", state: "blocked", text: "Exchange: BLOCKED. Fix: allow list" },
      { workload: "sharepoint", state: "blocked", text: "SharePoint: BLOCKED. Fix: certificate" },
    ],
  },
};

/** The page's server and API as the panel sees them: the EWS route (one sign-in) and /v1/prove. */
function services(ewsResult: Record<string, unknown>) {
  const posted: { url: string; body: string }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    if (init.method === "POST") posted.push({ url, body: String(init.body) });
    if (url === "/api/ews/allow")
      return json({
        id: "9b2d6f3e-0000-4000-8000-000000000001",
        userCode: "ABCD2345",
        verificationUri: "https://microsoft.com/devicelogin",
        expiresIn: 900,
      });
    if (url.startsWith("/api/ews/allow/")) return json({ state: "done", result: ewsResult });
    return json(REPORT);
  }) as typeof fetch;
  return { posted, fetchFn };
}

function renderPanel(ewsResult: Record<string, unknown>) {
  const { posted, fetchFn } = services(ewsResult);
  let release: () => void = noop;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  render(() => {
    const workloads = useWorkloads({
      ewsApi: "/api/ews/allow",
      fetch: fetchFn,
      sleep: () => gate,
      prove: {
        proveApi: "/api/v1/prove",
        cloud,
        assertionAuthority: "https://login.microsoftonline.com",
        crypto: globalThis.crypto,
        nowSeconds: () => 1_796_000_000,
        fetch: fetchFn,
      },
    });
    return (
      <EndPanel
        workloads={workloads}
        target={target}
        credential={{ kind: "secret", secret: "s~1" }}
        canAllow={true}
        onErrorAction={noop}
      />
    );
  });
  return { posted, release: () => release() };
}

const written = {
  ewsAllowed: true,
  needsConfirmation: false,
  outcome: "written",
  effects: ["EWS is unset; after the change only the apps on the list may."],
  notes: [],
  powershell: "Set-OrganizationConfig -EwsAllowedAppIDs $ids -EwsEnabled $true",
};

describe("EndPanel", () => {
  it("allow: shows the device code, then the written list and its PowerShell, then proves with ewsAllowed", async () => {
    const { posted, release } = renderPanel(written);
    expect(screen.getByRole("radio", { name: /Yes, do it now/ })).toBeChecked();
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(screen.getByTestId("ews-user-code")).toHaveTextContent("ABCD2345"));
    expect(screen.getByRole("link", { name: "https://microsoft.com/devicelogin" })).toBeInTheDocument();
    release();
    await waitFor(() => expect(screen.getByTestId("ews-outcome")).toHaveTextContent("now has Boxafe"));
    expect(screen.getByTestId("ews-powershell")).toHaveTextContent("EwsAllowedAppIDs");
    await waitFor(() => expect(screen.getByTestId("readiness")).toHaveTextContent("Fix: allow list"));
    expect(JSON.parse(posted[0]?.body ?? "{}")).toMatchObject({
      confirmEwsChange: false,
      appId: target.clientId,
    });
    expect(JSON.parse(posted[1]?.body ?? "{}")).toMatchObject({ ewsAllowed: true });
  });

  it("a change that blocks other apps: says nothing was written and asks for the checkbox", async () => {
    const { posted, release } = renderPanel({
      ...written,
      ewsAllowed: false,
      needsConfirmation: true,
      outcome: "needs-confirmation",
    });
    expect(screen.getByRole("checkbox", { name: /write it anyway/ })).not.toBeChecked();
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    release();
    await waitFor(() => expect(screen.getByTestId("ews-outcome")).toHaveTextContent("Nothing was written"));
    expect(screen.getByTestId("ews-outcome")).toHaveTextContent("Tick the box");
    await waitFor(() => expect(screen.getByTestId("readiness")).toBeInTheDocument());
    expect(JSON.parse(posted[0]?.body ?? "{}")).toMatchObject({ confirmEwsChange: false });
    expect(JSON.parse(posted[1]?.body ?? "{}")).toMatchObject({ ewsAllowed: false });
  });

  it("skip: no sign-in, the proof says EWS is blocked", async () => {
    const { posted } = renderPanel(written);
    fireEvent.click(screen.getByRole("radio", { name: /Skip/ }));
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(screen.getByTestId("readiness")).toHaveTextContent("Exchange: BLOCKED"));
    expect(posted.map((p) => p.url)).toEqual(["/api/v1/prove"]);
    expect(screen.queryByTestId("ews-powershell")).toBeNull();
    // Said in words, and not in a green "done" box.
    const result = screen.getByTestId("ews-result");
    expect(result).toHaveTextContent("Skipped: nothing was written");
    expect(result).not.toHaveClass("ok");
  });
});
