/** The command table, in the order help lists it. Pure data; loaders live in main.ts. */
import type { CommandSpec } from "../option-spec.js";
import { apiCommand } from "./api.js";
import { certificatePfxCommand } from "./certificate-pfx.js";
import { certificateRetireCommand, certificateRotateCommand } from "./certificate-rotate.js";
import { checkCommand } from "./check.js";
import { ewsAllowCommand, ewsStatusCommand } from "./ews.js";
import { fleetCheckCommand, fleetRetireCommand, fleetRotateCommand, fleetSetupCommand } from "./fleet.js";
import { permissionsCommand } from "./permissions.js";
import { planCommand } from "./plan.js";
import { preflightCommand } from "./preflight.js";
import { removeCommand } from "./remove.js";
import { sandboxCommand } from "./sandbox.js";
import { secretListCommand } from "./secret-list.js";
import { secretRetireCommand, secretRotateCommand } from "./secret-rotate.js";
import { setupCommand } from "./setup.js";
import { sharepointCommand } from "./sharepoint.js";
import { verifyCommand } from "./verify.js";
import { webAppRegisterCommand } from "./web-app-register.js";

export const commands: readonly CommandSpec[] = [
  setupCommand,
  preflightCommand,
  planCommand,
  checkCommand,
  verifyCommand,
  secretRotateCommand,
  secretRetireCommand,
  secretListCommand,
  sharepointCommand,
  certificateRotateCommand,
  certificateRetireCommand,
  certificatePfxCommand,
  ewsStatusCommand,
  ewsAllowCommand,
  removeCommand,
  fleetSetupCommand,
  fleetCheckCommand,
  fleetRotateCommand,
  fleetRetireCommand,
  permissionsCommand,
  sandboxCommand,
  apiCommand,
  webAppRegisterCommand,
];
