/** `fleet setup`, `fleet check`, `fleet rotate`, `fleet retire`: their help text, options and examples. */
import { DEFAULT_CERTIFICATE_DAYS, DEFAULT_RENEW_WITHIN_DAYS } from "@boxafe-connect/core";
import { bin } from "../bin-name.js";
import type { CommandSpec, OptionGroup, OptionSpec } from "../option-spec.js";
import { globalGroup } from "../options.js";

const isUrl = (word: string): boolean => /^https?:\/\//i.test(word);

const fleetFile: OptionSpec = {
  name: "fleet",
  kind: "string",
  value: "FILE",
  description: "The fleet file (JSON or CSV: tenant, label, boxafe, appId). Credentials never go in it.",
};

const fleetTarget: OptionGroup = {
  title: "Fleet, target and files",
  options: [
    fleetFile,
    {
      name: "cloud",
      kind: "string",
      value: "global|usgov|china",
      description: "Real tenants in this cloud (a fleet never runs on a sandbox it was not given).",
    },
    {
      name: "sandbox",
      kind: "optional",
      value: "URL",
      acceptsValue: isUrl,
      description: "A running fleet sandbox (boxafe-connect sandbox --tenants N).",
    },
    {
      name: "state",
      kind: "string",
      value: "FILE",
      description: "Resume state (default <fleet file>.state.json).",
    },
    {
      name: "store",
      kind: "string",
      value: "DIR",
      description:
        "Credential store, one 0600 file per key (default ~/.local/share/boxafe-connect/fleet-credentials).",
    },
    { name: "concurrency", kind: "string", value: "N", description: "Tenants at a time (1..32)." },
  ],
};

export const fleetSetupCommand: CommandSpec = {
  name: "fleet setup",
  summary: "Onboard every tenant of a fleet file after one partner sign-in (GDAP)",
  description:
    "Signs the partner's admin in once, then gets a token for each customer tenant through its GDAP\n" +
    "relationship (the tenant's own sign-in where there is none), and runs setup there: its own\n" +
    "single-tenant app and, for Boxafe 1.5, a certificate whose private key goes to the credential\n" +
    "store before the tenant is written. Resumable: a re-run skips tenants already onboarded.\n" +
    "Exit 0 when every tenant is done, 1 when any failed.",
  groups: [
    {
      ...fleetTarget,
      options: [
        ...fleetTarget.options,
        {
          name: "cert-days",
          kind: "string",
          value: "DAYS",
          description: `Lifetime of each new certificate (default ${DEFAULT_CERTIFICATE_DAYS}).`,
        },
        {
          name: "as",
          kind: "string",
          value: "UPN",
          description: "Sandbox only: sign the partner in as this user.",
        },
        { name: "client-id", kind: "string", value: "GUID", description: "Public client to sign in with." },
      ],
    },
    globalGroup,
  ],
  examples: [
    `${bin} fleet setup --fleet customers.csv --cloud global`,
    `${bin} fleet setup --fleet fleet.json --sandbox https://localhost:8443 --json`,
  ],
};

export const fleetCheckCommand: CommandSpec = {
  name: "fleet check",
  summary: "Health of every tenant with each app's own certificate: proof, drift, expiry, workloads",
  description:
    "No admin sign-in: each app proves itself with its stored certificate. Per tenant a traffic light,\n" +
    "days to expiry and the fix for every problem. Exit 0 when all are OK, 3 when any needs action.",
  groups: [
    {
      ...fleetTarget,
      options: [
        ...fleetTarget.options,
        {
          name: "html",
          kind: "string",
          value: "FILE",
          description: "Also write a self-contained HTML report.",
        },
        { name: "csv", kind: "string", value: "FILE", description: "Also write the rows as CSV." },
      ],
    },
    globalGroup,
  ],
  examples: [
    `${bin} fleet check --fleet customers.csv --cloud global --html fleet.html`,
    `${bin} fleet check --fleet fleet.json --sandbox https://localhost:8443 --json || echo needs action`,
  ],
};

export const fleetRotateCommand: CommandSpec = {
  name: "fleet rotate",
  summary: "Renew every certificate due within N days, by the app itself (no admin sign-in)",
  description:
    "Each app adds its own new certificate (Graph addKey with a proof signed by the current one),\n" +
    "proves it, and keeps the current one until Boxafe holds the new. The new key pair is in the\n" +
    "credential store before the tenant changes. Exit 0 when nothing failed, 1 otherwise.",
  groups: [
    {
      ...fleetTarget,
      options: [
        ...fleetTarget.options,
        {
          name: "within",
          kind: "string",
          value: "DAYS",
          description: `Rotate certificates expiring within DAYS (default ${DEFAULT_RENEW_WITHIN_DAYS}).`,
        },
      ],
    },
    globalGroup,
  ],
  examples: [
    `${bin} fleet rotate --fleet customers.csv --cloud global`,
    `${bin} fleet rotate --fleet fleet.json --sandbox https://localhost:8443 --within 14 --json`,
  ],
};

export const fleetRetireCommand: CommandSpec = {
  name: "fleet retire",
  summary: "Phase 2 of fleet rotate: prove each newest certificate, then removeKey the older ones (no admin)",
  description:
    "Run once Boxafe holds the new certificates. Per tenant the newest stored certificate gets a fresh\n" +
    "token first (if it does not, the tenant fails and nothing is removed); then the older stored\n" +
    "ones leave the app (Graph removeKey with a proof signed by the newest), and only then the store.\n" +
    "Exit 0 when nothing failed, 1 otherwise; a re-run removes nothing more.",
  groups: [
    {
      ...fleetTarget,
      options: [
        ...fleetTarget.options,
        { name: "keep", kind: "string", value: "N", description: "Keep the N newest certificates (1)." },
        {
          name: "older-than",
          kind: "string",
          value: "DAYS",
          description: "Only remove certificates valid since at least DAYS days.",
        },
      ],
    },
    globalGroup,
  ],
  examples: [
    `${bin} fleet retire --fleet customers.csv --cloud global`,
    `${bin} fleet retire --fleet fleet.json --sandbox https://localhost:8443 --json`,
  ],
};
