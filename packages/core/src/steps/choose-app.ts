/** The choose-app step: a new app by display name, or adopting an existing one by appId. */
import { isCoreError } from "../errors.js";
import { uniqueNameFor } from "../tenant/unique-name.js";
import { observeEffect } from "./resume.js";
import type { Effect, WizardState } from "./schema.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Result = [WizardState, Effect[]];

export function chooseNew(state: WizardState, displayName: string): Result {
  const name = displayName.trim();
  if (name === "" || name.length > 120) {
    return [
      {
        ...state,
        inputError: {
          field: "displayName",
          message: 'Give the app a name of 1 to 120 characters, e.g. "QNAP Boxafe".',
        },
      },
      [],
    ];
  }
  let uniqueName: string;
  try {
    uniqueName = uniqueNameFor(name);
  } catch (error) {
    const message = isCoreError(error) ? error.message : "The app name is not usable; choose another.";
    return [{ ...state, inputError: { field: "displayName", message } }, []];
  }
  const next: WizardState = { ...fresh(state), app: { mode: "new", displayName: name, uniqueName } };
  return [{ ...next, phase: "observing" }, [observeEffect(next)]];
}

export function chooseExisting(state: WizardState, appId: string): Result {
  const id = appId.trim().toLowerCase();
  if (!GUID.test(id)) {
    return [
      {
        ...state,
        inputError: {
          field: "appId",
          message:
            "Enter the Application (client) ID from the app's Overview page: a GUID like 1b2c3d4e-0000-0000-0000-000000000000.",
        },
      },
      [],
    ];
  }
  const next: WizardState = { ...fresh(state), app: { mode: "adopt", appId: id } };
  return [{ ...next, phase: "observing" }, [observeEffect(next)]];
}

/** Forget everything learned about a previous app choice. */
export function fresh(state: WizardState): WizardState {
  const {
    plan: _p,
    existingAppId: _e,
    verification: _v,
    handOver: _h,
    sharepoint: _s,
    sharepointMode: _m,
    ...rest
  } = state;
  return { ...rest, applied: [] };
}
