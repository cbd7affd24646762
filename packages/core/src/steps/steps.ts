/** The guide's steps as data, in the order the wizard walks them (the executor's wave order). */

export const STEP_IDS = [
  "sign-in",
  "check-role",
  "choose-app",
  "register-app",
  "add-permissions",
  "create-secret",
  "grant-consent",
  "verify",
  "hand-over",
  "sharepoint",
] as const;

export type StepId = (typeof STEP_IDS)[number];

export interface StepInfo {
  readonly id: StepId;
  readonly title: string;
  /** Step numbers of the QNAP guide this step replaces (empty: a step the guide does not have). */
  readonly guideSteps: readonly number[];
  /** Short label for the guide reference, e.g. "Steps 3-6". */
  readonly guide: string;
  readonly optional: boolean;
}

export const steps: readonly StepInfo[] = [
  {
    id: "sign-in",
    title: "Sign in as an administrator",
    guideSteps: [1, 2],
    guide: "Steps 1-2",
    optional: false,
  },
  {
    id: "check-role",
    title: "Check the admin role",
    guideSteps: [2],
    guide: "Step 2 (note)",
    optional: false,
  },
  {
    id: "choose-app",
    title: "Choose a new or an existing app",
    guideSteps: [],
    guide: "ours",
    optional: false,
  },
  {
    id: "register-app",
    title: "Register the app",
    guideSteps: [3, 4, 5, 6],
    guide: "Steps 3-6",
    optional: false,
  },
  {
    id: "add-permissions",
    title: "Add the API permissions",
    guideSteps: [11, 12, 13, 14],
    guide: "Steps 11-14",
    optional: false,
  },
  {
    id: "create-secret",
    title: "Create the client secret",
    guideSteps: [7, 8, 9, 10],
    guide: "Steps 7-10",
    optional: false,
  },
  { id: "grant-consent", title: "Grant admin consent", guideSteps: [15], guide: "Step 15", optional: false },
  { id: "verify", title: "Prove it with real tokens", guideSteps: [], guide: "ours", optional: false },
  {
    id: "hand-over",
    title: "Hand the IDs and secret to Boxafe",
    guideSteps: [16],
    guide: "Step 16",
    optional: false,
  },
  {
    id: "sharepoint",
    title: "Trust the app for SharePoint sites",
    guideSteps: [],
    guide: "Appendix",
    optional: true,
  },
];

/** The steps the apply effect moves through, and which executor wave finishes each. */
export const APPLY_STEPS = ["register-app", "add-permissions", "create-secret", "grant-consent"] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

export const WAVE_STEPS: Readonly<Record<1 | 2 | 3, readonly ApplyStep[]>> = {
  1: ["register-app", "add-permissions"],
  2: ["create-secret"],
  3: ["grant-consent"],
};
