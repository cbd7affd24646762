import type { RailItem } from "../components/progress-rail.js";

/** The guide's steps in wizard order (mirrors core's `steps` metadata). */
export const stepList = [
  { id: "sign-in", title: "Sign in as an administrator" },
  { id: "check-role", title: "Check the admin role" },
  { id: "choose-app", title: "Choose a new or an existing app" },
  { id: "register-app", title: "Register the app" },
  { id: "add-permissions", title: "Add the API permissions" },
  { id: "create-secret", title: "Create the client secret" },
  { id: "grant-consent", title: "Grant admin consent" },
  { id: "verify", title: "Prove it with real tokens" },
  { id: "hand-over", title: "Hand the IDs and secret to Boxafe" },
  { id: "sharepoint", title: "Trust the app for SharePoint sites", optional: true },
] as const;

export type StepId = (typeof stepList)[number]["id"];

/** Rail items for the current step; `failed` marks it when its last action failed. */
export function railItems(current: StepId, failed: boolean, visitedSharePoint: boolean): RailItem[] {
  const index = stepList.findIndex((s) => s.id === current);
  return stepList.map((s, i) => ({
    id: s.id,
    title: s.title,
    optional: "optional" in s,
    status:
      i < index
        ? "done"
        : i === index
          ? failed
            ? "failed"
            : "current"
          : s.id === "sharepoint" && visitedSharePoint
            ? "done"
            : "todo",
  }));
}
