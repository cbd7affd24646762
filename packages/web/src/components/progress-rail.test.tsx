import { render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { ProgressRail } from "./progress-rail.js";

describe("ProgressRail", () => {
  it("marks done, current and later steps, and summarises for narrow screens", () => {
    render(() => (
      <ProgressRail
        items={[
          { id: "sign-in", title: "Sign in", status: "done" },
          { id: "check-role", title: "Check your role", status: "current" },
          { id: "sharepoint", title: "SharePoint", status: "todo", optional: true },
        ]}
      />
    ));
    const nav = screen.getByRole("navigation", { name: "Setup progress" });
    const items = nav.querySelectorAll("li");
    expect([...items].map((i) => i.getAttribute("data-status"))).toEqual(["done", "current", "todo"]);
    expect(items[1]).toHaveAttribute("aria-current", "step");
    expect(items[0]).toHaveTextContent("Sign in, done");
    expect(items[2]).toHaveTextContent("SharePoint (optional), not started");
    expect(nav).toHaveTextContent("Step 2 of 3: Check your role");
  });
});

describe("ProgressRail summary", () => {
  it("follows the current step as it moves", async () => {
    const { createSignal } = await import("solid-js");
    const [current, setCurrent] = createSignal<"done" | "current" | "failed">("current");
    render(() => (
      <ProgressRail
        items={[
          { id: "sign-in", title: "Sign in", status: current() === "current" ? "current" : "done" },
          { id: "check-role", title: "Check your role", status: current() === "current" ? "todo" : "failed" },
        ]}
      />
    ));
    expect(screen.getByText(/Step 1 of 2/)).toHaveTextContent("Step 1 of 2: Sign in");
    setCurrent("failed");
    expect(screen.getByText(/Step 2 of 2/)).toHaveTextContent("Step 2 of 2: Check your role");
  });
});
