import { ErrorCode } from "@boxafe-connect/core";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { ErrorAction } from "./error-view.js";
import { ErrorView, errorGuides } from "./error-view.js";

describe("ErrorView", () => {
  it("has a title, a next step and at least one action for every error code", () => {
    for (const code of Object.values(ErrorCode)) {
      const guide = errorGuides[code];
      expect(guide, code).toBeDefined();
      expect(guide.title.length, code).toBeGreaterThan(5);
      expect(guide.next.length, code).toBeGreaterThan(10);
      expect(guide.actions.length, code).toBeGreaterThan(0);
    }
  });

  it.each(Object.values(ErrorCode))("renders %s with its next action", (code) => {
    const taken: ErrorAction[] = [];
    render(() => (
      <ErrorView error={{ code, message: "Upstream said no." }} onAction={(a) => taken.push(a)} />
    ));
    const alert = screen.getByRole("alert");
    expect(alert).toHaveAttribute("data-code", code);
    expect(alert).toHaveTextContent(errorGuides[code].title);
    expect(alert).toHaveTextContent("Upstream said no.");
    const first = screen.getAllByRole("button")[0];
    if (!first) throw new Error("no action button");
    fireEvent.click(first);
    expect(taken).toEqual([errorGuides[code].actions[0]]);
  });

  it("tells a non-admin who can grant the permissions", () => {
    render(() => (
      <ErrorView
        error={{ code: "insufficient_role", message: "You are not an admin." }}
        onAction={() => undefined}
      />
    ));
    expect(screen.getByRole("alert")).toHaveTextContent(
      /Global Administrator or Privileged Role Administrator/,
    );
    expect(screen.getByRole("button", { name: "Sign in again" })).toBeInTheDocument();
  });

  it("names the bad field and the request id", () => {
    render(() => (
      <ErrorView
        error={{ code: "invalid_input", message: "Not a GUID.", field: "appId", requestId: "req-1" }}
        onAction={() => undefined}
      />
    ));
    expect(screen.getByRole("alert")).toHaveTextContent("(field: appId)");
    expect(screen.getByRole("alert")).toHaveTextContent("Request ID: req-1");
  });

  it("leaves out actions the screen cannot offer", () => {
    render(() => (
      <ErrorView
        error={{ code: "invalid_client_credentials", message: "x" }}
        onAction={() => undefined}
        exclude={["check"]}
      />
    ));
    expect(screen.queryByRole("button", { name: "Check the app" })).toBeNull();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
