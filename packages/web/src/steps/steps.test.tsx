import {
  DEFAULT_BOXAFE_VERSION_REASON,
  DEFAULT_SECRET_DAYS,
  readiness,
  unprovenReport,
} from "@boxafe-connect/core";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { ErrorAction } from "../error-view.js";
import { CheckRoleStep } from "./check-role.js";
import type { AppChoice } from "./choose-app.js";
import { ChooseAppStep } from "./choose-app.js";
import { DoneStep } from "./done.js";
import { SignInStep } from "./sign-in.js";

const noop = () => undefined;

describe("SignInStep", () => {
  it("offers the sign-in button and the sandbox hint, and takes focus to its heading", () => {
    let clicked = 0;
    render(() => (
      <SignInStep
        phase="idle"
        hint="Sandbox: sign in as admin@contoso."
        onSignIn={() => clicked++}
        onErrorAction={noop}
      />
    ));
    expect(document.activeElement).toHaveTextContent("Sign in to Microsoft 365");
    expect(screen.getByTestId("sign-in-hint")).toHaveTextContent("admin@contoso");
    fireEvent.click(screen.getByRole("button", { name: "Sign in with Microsoft" }));
    expect(clicked).toBe(1);
  });

  it("shows progress while the sign-in page opens, with the button disabled", () => {
    render(() => <SignInStep phase="working" onSignIn={noop} onErrorAction={noop} />);
    expect(screen.getByRole("status")).toHaveTextContent("Opening the sign-in page");
    expect(screen.getByRole("button", { name: "Sign in with Microsoft" })).toBeDisabled();
  });

  it("shows a failed sign-in with its next action", () => {
    const taken: ErrorAction[] = [];
    render(() => (
      <SignInStep
        phase="error"
        error={{ code: "sign_in_failed", message: "Sign-in did not complete (nonce_mismatch)." }}
        onSignIn={noop}
        onErrorAction={(a) => taken.push(a)}
      />
    ));
    expect(screen.getByRole("alert")).toHaveTextContent("nonce_mismatch");
    fireEvent.click(screen.getByRole("button", { name: "Sign in again" }));
    expect(taken).toEqual(["sign-in"]);
  });
});

describe("CheckRoleStep", () => {
  it("says what it reads while it works", () => {
    render(() => <CheckRoleStep phase="working" onErrorAction={noop} />);
    expect(screen.getByRole("status")).toHaveTextContent("Reading your directory roles");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the role error for a non-admin", () => {
    render(() => (
      <CheckRoleStep
        phase="error"
        error={{ code: "insufficient_role", message: "user@contoso has no admin role." }}
        onErrorAction={noop}
      />
    ));
    expect(screen.getByRole("alert")).toHaveAttribute("data-code", "insufficient_role");
    expect(screen.getByRole("status")).toHaveTextContent("");
  });
});

describe("ChooseAppStep", () => {
  const renderStep = (
    phase: "idle" | "working" = "idle",
    inputError?: { field: string; message: string },
  ) => {
    const chosen: AppChoice[] = [];
    render(() => (
      <ChooseAppStep
        phase={phase}
        defaultName="QNAP Boxafe"
        inputError={inputError}
        onSubmit={(c) => chosen.push(c)}
        onErrorAction={noop}
      />
    ));
    return chosen;
  };

  it("asks which Boxafe, defaulting to 1.5 with the reason, and hides the secret lifetime for it", () => {
    const chosen = renderStep();
    expect(screen.getByRole("radio", { name: /Boxafe 1\.5 or later.*\(default\)/ })).toBeChecked();
    expect(screen.getByRole("radio", { name: /Boxafe 1\.4/ })).not.toBeChecked();
    expect(screen.getByTestId("boxafe-version-hint")).toHaveTextContent(DEFAULT_BOXAFE_VERSION_REASON);
    expect(screen.getByTestId("boxafe-version-hint")).toHaveTextContent(/never leaves it/);
    expect(screen.queryByLabelText("Client secret expires after")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Review the changes" }));
    expect(chosen).toEqual([
      { mode: "new", displayName: "QNAP Boxafe", secretDays: DEFAULT_SECRET_DAYS, boxafe: "1.5" },
    ]);
  });

  it("submits Boxafe 1.4 with the chosen secret lifetime", () => {
    const chosen = renderStep();
    fireEvent.click(screen.getByRole("radio", { name: /Boxafe 1\.4/ }));
    expect(screen.getByTestId("boxafe-version-hint")).toHaveTextContent(/client secret/);
    fireEvent.change(screen.getByLabelText("Client secret expires after"), { target: { value: "180" } });
    fireEvent.click(screen.getByRole("button", { name: "Review the changes" }));
    expect(chosen).toEqual([{ mode: "new", displayName: "QNAP Boxafe", secretDays: 180, boxafe: "1.4" }]);
  });

  it("refuses an appId that is not a GUID, naming the field", () => {
    const chosen = renderStep();
    fireEvent.click(screen.getByLabelText("Use an existing app (Application ID)"));
    fireEvent.input(screen.getByLabelText("Application (client) ID"), { target: { value: "not-a-guid" } });
    fireEvent.click(screen.getByRole("button", { name: "Review the changes" }));
    expect(chosen).toEqual([]);
    expect(screen.getByLabelText("Application (client) ID")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/Enter the Application \(client\) ID/)).toBeInTheDocument();
  });

  it("adopts an existing app by its appId", () => {
    const chosen = renderStep();
    fireEvent.click(screen.getByLabelText("Use an existing app (Application ID)"));
    const appId = "1f2e3d4c-5b6a-4789-9abc-def012345678";
    fireEvent.input(screen.getByLabelText("Application (client) ID"), { target: { value: ` ${appId} ` } });
    fireEvent.click(screen.getByRole("button", { name: "Review the changes" }));
    expect(chosen).toEqual([{ mode: "existing", appId, secretDays: DEFAULT_SECRET_DAYS, boxafe: "1.5" }]);
  });

  it("shows core's input error and the reading state", () => {
    renderStep("working", { field: "displayName", message: "Give the app a name of 1 to 120 characters." });
    expect(screen.getByLabelText("Display name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Give the app a name of 1 to 120 characters.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Review the changes" })).toBeDisabled();
    expect(screen.getByText("Reading the tenant…")).toBeInTheDocument();
  });
});

describe("DoneStep", () => {
  it("names the app and tenant, or says the setup was cancelled", () => {
    const { unmount } = render(() => (
      <DoneStep clientId="app-1" tenantId="tenant-1" cancelled={false} onCheck={noop} onStartOver={noop} />
    ));
    expect(screen.getByTestId("done")).toHaveTextContent("app-1 in tenant tenant-1");
    unmount();
    render(() => <DoneStep clientId="" tenantId="" cancelled={true} onCheck={noop} onStartOver={noop} />);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Setup cancelled");
    expect(screen.queryByTestId("done")).toBeNull();
  });

  it("shows the honest end from core: blocked workloads with their fix, no 'can back up this tenant'", () => {
    const end = readiness(unprovenReport({ tokensComplete: true, certificate: false, clientId: "app-1" }));
    render(() => (
      <DoneStep
        clientId="app-1"
        tenantId="t"
        cancelled={false}
        readiness={end}
        onCheck={noop}
        onStartOver={noop}
      />
    ));
    const card = screen.getByTestId("readiness");
    expect(card).not.toHaveTextContent("can now back up this tenant");
    expect(card).toHaveTextContent("boxafe-connect ews allow");
    expect(card.querySelector('[data-workload="sharepoint"]')?.getAttribute("data-state")).toBe("blocked");
  });
});
