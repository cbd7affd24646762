import { fireEvent, render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { Drift } from "./check-repair.js";
import { CheckRepairView } from "./check-repair.js";

const noop = () => undefined;
const drift: Drift = {
  appLabel: "QNAP Boxafe (app-1)",
  groups: [
    {
      name: "Office 365 Exchange Online",
      appId: "00000002-0000-0ff1-ce00-000000000000",
      permissions: [
        {
          value: "EWS.AccessAsUser.All",
          kind: "delegated",
          description: "EWS",
          adminConsentRequired: false,
          status: "missing",
          advisories: [],
        },
      ],
    },
  ],
  changes: ["Grant EWS.AccessAsUser.All (delegated) on Office 365 Exchange Online"],
  findings: ["A secret expires in 12 days."],
};

describe("CheckRepairView", () => {
  it("checks an app by its Application ID and refuses anything else", () => {
    const checked: string[] = [];
    render(() => (
      <CheckRepairView
        phase="idle"
        repairPhase="idle"
        onCheck={(id) => checked.push(id)}
        onRepair={noop}
        onErrorAction={noop}
      />
    ));
    const input = screen.getByLabelText("Application (client) ID");
    fireEvent.input(input, { target: { value: "nope" } });
    fireEvent.click(screen.getByRole("button", { name: "Check the app" }));
    expect(checked).toEqual([]);
    expect(input).toHaveAttribute("aria-invalid", "true");
    fireEvent.input(input, { target: { value: "1f2e3d4c-5b6a-4789-9abc-def012345678" } });
    fireEvent.click(screen.getByRole("button", { name: "Check the app" }));
    expect(checked).toEqual(["1f2e3d4c-5b6a-4789-9abc-def012345678"]);
  });

  it("shows the drift with a repair button", () => {
    let repaired = 0;
    render(() => (
      <CheckRepairView
        phase="done"
        repairPhase="idle"
        drift={drift}
        onCheck={noop}
        onRepair={() => repaired++}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByTestId("drift-changes")).toHaveTextContent("1 to repair");
    expect(screen.getByTestId("drift-findings")).toHaveTextContent("expires in 12 days");
    expect(screen.getByTestId("permission-status")).toHaveTextContent("Missing");
    fireEvent.click(screen.getByRole("button", { name: "Repair the app" }));
    expect(repaired).toBe(1);
  });

  it("says so when nothing drifted", () => {
    render(() => (
      <CheckRepairView
        phase="done"
        repairPhase="idle"
        drift={{ ...drift, changes: [] }}
        onCheck={noop}
        onRepair={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByTestId("drift-none")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Repair the app" })).toBeNull();
  });

  it("shows progress while repairing and the result after", () => {
    const { unmount } = render(() => (
      <CheckRepairView
        phase="done"
        repairPhase="working"
        drift={drift}
        onCheck={noop}
        onRepair={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByText("Repairing…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Repair the app" })).toBeDisabled();
    unmount();
    render(() => (
      <CheckRepairView
        phase="done"
        repairPhase="done"
        drift={drift}
        repaired={{ clientId: "app-1", tenantId: "t-1" }}
        onCheck={noop}
        onRepair={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByTestId("repair-done")).toBeInTheDocument();
    expect(screen.getByTestId("client-id")).toHaveTextContent("app-1");
  });

  it("shows an error without offering the check it is already on", () => {
    render(() => (
      <CheckRepairView
        phase="error"
        repairPhase="idle"
        error={{ code: "invalid_client_credentials", message: "expired" }}
        onCheck={noop}
        onRepair={noop}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByRole("alert")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Check the app", hidden: false })).toBeInTheDocument();
    expect(screen.getByRole("alert").querySelectorAll("button")).toHaveLength(1);
  });
});
