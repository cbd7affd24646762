/**
 * review: the plan as the admin should read it. App changes first, then admin consent grouped by
 * API (application and delegated), retired APIs marked; then apply, choose another app, or cancel.
 */
import type { Action, ResourceKey, WizardEvent, WizardState } from "@boxafe-connect/core";
import { advisoriesFor, advisoryMarker, describeAction, resourceByKey } from "@boxafe-connect/core";
import type { Style } from "../style.js";
import { unwrap } from "../wizard/prompts.js";
import type { Ui } from "./ui.js";

interface Group {
  application: string[];
  delegated: string[];
}

function retiredMark(
  resource: ResourceKey,
  kind: "application" | "delegated",
  value: string,
  style: Style,
): string {
  const advisory = advisoriesFor({ resource, kind, value }).find((a) => a.status === "retired");
  return advisory ? ` ${style.yellow(`[${advisoryMarker(advisory)}]`)}` : "";
}

export function reviewLines(actions: readonly Action[], style: Style): string[] {
  const groups = new Map<ResourceKey, Group>();
  const group = (key: ResourceKey) => {
    const found = groups.get(key) ?? { application: [], delegated: [] };
    groups.set(key, found);
    return found;
  };
  const other: string[] = [];
  for (const action of actions) {
    if (action.type === "assign-app-role") {
      group(action.resource).application.push(
        `${action.value}${retiredMark(action.resource, "application", action.value, style)}`,
      );
    } else if (action.type === "create-grant" || action.type === "update-grant") {
      for (const value of action.scope.split(" ").filter(Boolean)) {
        group(action.resource).delegated.push(
          `${value}${retiredMark(action.resource, "delegated", value, style)}`,
        );
      }
    } else {
      other.push(`• ${describeAction(action)}`);
    }
  }
  const consent = [...groups.entries()].flatMap(([key, g]) => [
    style.bold(resourceByKey(key).name),
    ...(g.application.length > 0
      ? [`  application (${g.application.length}): ${g.application.join(", ")}`]
      : []),
    ...(g.delegated.length > 0 ? [`  delegated (${g.delegated.length}): ${g.delegated.join(", ")}`] : []),
  ]);
  return [...other, ...(consent.length > 0 ? ["", "Admin consent, by API:", ...consent] : [])];
}

export function reviewText(state: WizardState, actions: readonly Action[], style: Style): string {
  const lines =
    actions.length > 0 ? reviewLines(actions, style) : (state.plan?.actions ?? []).map((l) => `• ${l}`);
  const findings = (state.plan?.findings ?? []).map((f) => `! ${f.message}`);
  return [...lines, ...(findings.length > 0 ? ["", ...findings] : [])].join("\n");
}

export async function askReview(
  ui: Ui,
  state: WizardState,
  actions: readonly Action[],
  style: Style,
): Promise<WizardEvent> {
  const total = state.plan?.total ?? 0;
  ui.note(reviewText(state, actions, style), `Plan: ${total} change${total === 1 ? "" : "s"}`);
  const choice = await unwrap(
    await ui.select({
      message: `Apply these ${total} changes to the tenant?`,
      options: [
        { value: "plan.confirm", label: "Apply" },
        { value: "app.change", label: "Choose another app" },
        { value: "cancel", label: "Cancel (nothing is changed)" },
      ],
      initialValue: "plan.confirm",
    }),
  );
  return { type: choice } as WizardEvent;
}
