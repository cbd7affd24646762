import { describe, expect, it } from "vitest";
import { sandboxEndpoints } from "../clouds.js";
import { isCoreError } from "../errors.js";
import { fakeTime } from "../testing/fake-time.js";
import { reply, scriptedHttp } from "../testing/scripted-http.js";
import type { HttpRequest } from "../workloads/http-port.js";
import { ewsAllow, ewsStatus } from "./ews.js";
import { runEwsStep } from "./ews-step.js";

const ME = "aaaaaaaa-0000-4000-8000-000000000001";
const OTHER = "bbbbbbbb-0000-4000-8000-000000000002";
const target = {
  tenantId: "6f1d3c2a-8b4e-4d5f-9a7b-2c3e4f5a6b7c",
  initialDomain: "contoso.onmicrosoft.com",
  cloud: sandboxEndpoints("https://localhost:8443"),
  appId: ME,
};

/** A tiny Exchange organization: Get returns `config`, Set replaces the given properties. */
function exchange(
  config: Record<string, unknown>,
  fault?: (req: HttpRequest, call: number) => number | undefined,
) {
  const state = { ...config };
  const http = scriptedHttp((req, call) => {
    const status = fault?.(req, call);
    const input = (
      JSON.parse(req.body ?? "{}") as {
        CmdletInput: { CmdletName: string; Parameters: Record<string, unknown> };
      }
    ).CmdletInput;
    if (input.CmdletName === "Set-OrganizationConfig") Object.assign(state, input.Parameters);
    if (status !== undefined)
      return reply(status, { error: { code: "x", message: "failed" } }, { "retry-after": "1" });
    return reply(200, { value: input.CmdletName === "Get-OrganizationConfig" ? [state] : [] });
  });
  const time = fakeTime();
  const deps = { ...time, http, exchangeToken: { getAccessToken: async () => "exchange-token" } };
  return { state, http, deps };
}

const sets = (http: { requests: readonly HttpRequest[] }) =>
  http.requests.filter((r) => r.body?.includes("Set-OrganizationConfig")).length;

describe("ews status", () => {
  it("reads the policy with -RetrieveEwsOperationAccessPolicy and the system-mailbox anchor", async () => {
    const { http, deps } = exchange({ EwsEnabled: false, EwsAllowedAppIDs: null });
    const status = await ewsStatus(deps, target);
    expect(status.state).toBe("blocked");
    expect(status.notes[0]).toContain("EwsEnabled $false");
    const req = http.requests[0];
    expect(req?.url).toBe(`https://localhost:8443/adminapi/beta/${target.tenantId}/InvokeCommand`);
    expect(req?.headers["X-AnchorMailbox"]).toBe(
      "UPN:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@contoso.onmicrosoft.com",
    );
    expect(JSON.parse(req?.body ?? "")).toEqual({
      CmdletInput: {
        CmdletName: "Get-OrganizationConfig",
        Parameters: { RetrieveEwsOperationAccessPolicy: true },
      },
    });
    expect(status.powershell).toContain("Set-OrganizationConfig -EwsAllowedAppIDs $ids -EwsEnabled $true");
    expect(status.powershell).not.toContain("@{Add");
  });
});

describe("ews allow", () => {
  it("merges this app into the list, writes the whole list with EwsEnabled $true and reads it back", async () => {
    const { state, deps } = exchange({ EwsEnabled: true, EwsAllowedAppIDs: [OTHER] });
    const result = await ewsAllow(deps, { ...target, confirmNarrowing: false });
    expect(result.outcome).toBe("written");
    expect(state).toMatchObject({ EwsEnabled: true, EwsAllowedAppIDs: [OTHER, ME] });
    expect(result.after?.allowedAppIds).toEqual([OTHER, ME]);
    expect(result.state).toBe("allowed");
  });

  it("refuses to shrink other apps' access without the explicit confirmation, and writes nothing", async () => {
    const { state, http, deps } = exchange({ EwsEnabled: true, EwsAllowedAppIDs: null });
    const refused = await ewsAllow(deps, { ...target, confirmNarrowing: false });
    expect(refused.outcome).toBe("needs-confirmation");
    expect(refused.change.narrowsOthers).toBe(true);
    expect(sets(http)).toBe(0);
    expect(state.EwsAllowedAppIDs).toBeNull();
    const confirmed = await ewsAllow(deps, { ...target, confirmNarrowing: true });
    expect(confirmed.outcome).toBe("written");
    expect(state.EwsAllowedAppIDs).toEqual([ME]);
  });

  it("retries a throttled or failed write, and a re-run after a lost answer finds nothing to do", async () => {
    const flaky = exchange({ EwsEnabled: false }, (req, call) =>
      req.body?.includes("Set-") && call === 2 ? 503 : undefined,
    );
    expect((await ewsAllow(flaky.deps, { ...target, confirmNarrowing: false })).outcome).toBe("written");
    expect(sets(flaky.http)).toBe(2);
    expect(flaky.deps.sleeps).toEqual([1000]);

    // The write is committed, then every answer to it fails: the run stops, the re-run converges.
    const lost = exchange({ EwsEnabled: false }, (req) => (req.body?.includes("Set-") ? 502 : undefined));
    await expect(ewsAllow(lost.deps, { ...target, confirmNarrowing: false })).rejects.toSatisfy(
      (e) => isCoreError(e) && e.code === "graph_request_failed",
    );
    const again = exchange(lost.state);
    const rerun = await ewsAllow(again.deps, { ...target, confirmNarrowing: false });
    expect(rerun.outcome).toBe("unchanged");
    expect(sets(again.http)).toBe(0);
  });

  it("maps Exchange's 403 to insufficient_role with what to do", async () => {
    const { deps } = exchange({}, () => 403);
    await expect(ewsStatus(deps, target)).rejects.toSatisfy(
      (e) => isCoreError(e) && e.code === "insufficient_role" && e.message.includes("Exchange Administrator"),
    );
  });
});

describe("the setup's EWS step", () => {
  it("allow writes through the use case; print and skip only hand over the PowerShell", async () => {
    const { state, http, deps } = exchange({ EwsEnabled: false });
    const printed = await runEwsStep("print", target, { deps, confirmNarrowing: false });
    expect(printed).toMatchObject({ mode: "print", ewsAllowed: false, needsConfirmation: false });
    expect(printed.powershell).toContain(ME);
    expect(http.requests).toHaveLength(0);
    const allowed = await runEwsStep("allow", target, { deps, confirmNarrowing: false });
    expect(allowed).toMatchObject({ ewsAllowed: true, needsConfirmation: false });
    expect(state.EwsAllowedAppIDs).toEqual([ME]);
    const open = exchange({ EwsEnabled: true, EwsAllowedAppIDs: [] });
    const refused = await runEwsStep("allow", target, { deps: open.deps, confirmNarrowing: false });
    expect(refused).toMatchObject({ ewsAllowed: false, needsConfirmation: true });
    expect(sets(open.http)).toBe(0);
  });
});
