/** The option groups the commands share; one place so help text and parsing agree. */
import { DEFAULT_APP_NAME, DEFAULT_SECRET_DAYS } from "@boxafe-connect/core";
import type { OptionGroup, OptionSpec } from "./option-spec.js";

const isUrl = (word: string): boolean => /^https?:\/\//i.test(word);

export const globalOptions: readonly OptionSpec[] = [
  { name: "json", kind: "boolean", description: "Print one JSON document on stdout (schema in the README)." },
  { name: "verbose", kind: "boolean", description: "Log each step and request on stderr (never secrets)." },
  { name: "no-color", kind: "boolean", description: "No colour or spinner (also NO_COLOR=1 or no TTY)." },
  { name: "help", short: "h", kind: "boolean", description: "Show help for the command." },
  { name: "version", kind: "boolean", description: "Print the version." },
];

export const globalGroup: OptionGroup = { title: "Global options", options: globalOptions };

export const targetGroup: OptionGroup = {
  title: "Tenant and sign-in",
  options: [
    {
      name: "tenant",
      kind: "string",
      value: "GUID|DOMAIN",
      description: "Directory (tenant) ID or a verified domain. Without it: the built-in sandbox.",
    },
    {
      name: "cloud",
      kind: "string",
      value: "global|usgov|china",
      description: "National cloud (default global).",
    },
    {
      name: "sandbox",
      kind: "optional",
      value: "[URL]",
      acceptsValue: isUrl,
      description: "Use a sandbox tenant: the built-in one, or a running one at URL (its CA is trusted).",
    },
    {
      name: "auth",
      kind: "string",
      value: "device|browser",
      description: "Sign-in flow (default device code).",
    },
    {
      name: "client-id",
      kind: "string",
      value: "GUID",
      description: "Public client to sign in with (default Microsoft Graph Command Line Tools).",
    },
    { name: "open-browser", kind: "boolean", description: "Open the sign-in page in the default browser." },
    { name: "as", kind: "string", value: "UPN", description: "Sandbox only: sign in as this sandbox user." },
  ],
};

export const appIdOption: OptionSpec = {
  name: "app-id",
  kind: "string",
  value: "GUID",
  description: "Application (client) ID of an existing app to act on.",
};

export const appKeyOptions: readonly OptionSpec[] = [
  appIdOption,
  {
    name: "app-name",
    kind: "string",
    value: "NAME",
    description: `Display name (default "${DEFAULT_APP_NAME}").`,
  },
];

export const profileOptions: readonly OptionSpec[] = [
  {
    name: "profile",
    kind: "string",
    value: "FILE",
    description: "Permission profile JSON (default: boxafe).",
  },
  { name: "skip-retired", kind: "boolean", description: "Leave out permissions of retired APIs." },
  { name: "remove-extra", kind: "boolean", description: "Remove permissions the profile does not ask for." },
];

export const secretLifetimeOptions: readonly OptionSpec[] = [
  {
    name: "secret-days",
    kind: "string",
    value: "90|180|365|545|730",
    description: `Client secret lifetime in days (default ${DEFAULT_SECRET_DAYS}).`,
  },
  { name: "secret-end", kind: "string", value: "YYYY-MM-DD", description: "Client secret end date instead." },
  { name: "secret-name", kind: "string", value: "TEXT", description: "Client secret description." },
];

export const credentialOptions: readonly OptionSpec[] = [
  {
    name: "client-secret-stdin",
    kind: "boolean",
    description: "Read the client secret from stdin (or set BOXAFE_CLIENT_SECRET).",
  },
  {
    name: "certificate-file",
    kind: "string",
    value: "PEM",
    description: "PEM file holding the certificate and its private key, instead of a secret.",
  },
];

/** Where setup and secret rotate write the hand-over values. */
export const outputOption: OptionSpec = {
  name: "output",
  short: "o",
  kind: "string",
  value: "FILE",
  description: "Write the values (0600).",
};
