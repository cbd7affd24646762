/** The command table: names, help text, options and examples. Pure data; loaders live in main.ts. */
import type { CommandSpec } from "./option-spec.js";
import {
  appIdOption,
  appKeyOptions,
  credentialOptions,
  globalGroup,
  profileOptions,
  secretLifetimeOptions,
  targetGroup,
} from "./options.js";

const bc = "boxafe-connect";

export const commands: readonly CommandSpec[] = [
  {
    name: "setup",
    summary: "Register (or repair) the Boxafe app, grant consent, prove it, hand over the values",
    description:
      "The guided wizard: sign in, check your role, review the plan, apply it, verify with real tokens,\n" +
      'then copy the three values into Boxafe\'s "Add new Domain" window. With --yes it runs without\n' +
      "questions. Running it again repairs drift and changes nothing when all is in place.",
    groups: [
      {
        title: "Setup options",
        options: [
          { name: "yes", short: "y", kind: "boolean", description: "No questions: apply the plan as shown." },
          ...appKeyOptions,
          ...secretLifetimeOptions,
          {
            name: "certificate",
            kind: "boolean",
            description: "Also create a certificate (for SharePoint).",
          },
          ...profileOptions,
          { name: "resume", kind: "boolean", description: "Continue the last interrupted run." },
          { name: "state-file", kind: "string", value: "FILE", description: "Where --resume state is kept." },
          {
            name: "output",
            short: "o",
            kind: "string",
            value: "FILE",
            description: "Write the values (0600).",
          },
        ],
      },
      targetGroup,
      globalGroup,
    ],
    examples: [
      `${bc} setup                                   # guided, against the built-in sandbox`,
      `${bc} setup --tenant contoso.onmicrosoft.com  # guided, device-code sign-in`,
      `${bc} setup --tenant contoso.com --auth browser`,
      `${bc} setup --yes --json --tenant 8a1f...  > boxafe.json`,
      `${bc} setup --yes --app-id 11111111-2222-3333-4444-555555555555 --secret-days 365`,
      `${bc} setup --resume`,
    ],
  },
  {
    name: "plan",
    summary: "Show what setup would change; writes nothing",
    description: "Reads the tenant and prints the actions setup would take, and what it found.",
    groups: [
      { title: "Plan options", options: [...appKeyOptions, ...profileOptions, ...secretLifetimeOptions] },
      targetGroup,
      globalGroup,
    ],
    examples: [`${bc} plan --tenant contoso.onmicrosoft.com`, `${bc} plan --app-id 1111... --json`],
  },
  {
    name: "check",
    summary: "Drift report: permissions declared / consented / missing / extra, credential expiry",
    description:
      "Compares the app with the profile. Exit code 0 when all is in place, 3 when drift was found\n" +
      "(run setup to repair it).",
    groups: [
      { title: "Check options", options: [...appKeyOptions, ...profileOptions] },
      targetGroup,
      globalGroup,
    ],
    examples: [
      `${bc} check --tenant contoso.onmicrosoft.com`,
      `${bc} check --app-id 1111... --json || echo drift`,
    ],
  },
  {
    name: "verify",
    summary: "Prove the three values work: fresh app tokens, roles compared (no admin sign-in)",
    description:
      "Takes the tenant ID, the application (client) ID and the secret (stdin or BOXAFE_CLIENT_SECRET)\n" +
      "or a certificate, acquires app-only tokens and compares their roles with the profile.\n" +
      "Exit code 0 when complete, 4 when permissions are still pending or missing.",
    groups: [
      {
        title: "Verify options",
        options: [
          appIdOption,
          ...credentialOptions,
          ...profileOptions.slice(0, 2),
          {
            name: "deadline",
            kind: "string",
            value: "SECONDS",
            description: "Wait this long for consent (60).",
          },
          {
            name: "sharepoint-tenant",
            kind: "string",
            value: "NAME",
            description: "SharePoint name, e.g. contoso (read from the tenant when not given).",
          },
        ],
      },
      {
        title: "Tenant",
        options: targetGroup.options.filter((o) => ["tenant", "cloud", "sandbox"].includes(o.name)),
      },
      globalGroup,
    ],
    examples: [
      `BOXAFE_CLIENT_SECRET=... ${bc} verify --tenant 8a1f... --app-id 1111...`,
      `cat secret.txt | ${bc} verify --tenant contoso.com --app-id 1111... --client-secret-stdin --json`,
      `${bc} verify --tenant contoso.com --app-id 1111... --certificate-file boxafe.pem`,
    ],
  },
  {
    name: "secret rotate",
    summary: "Add a new client secret, prove it, remove the old ones boxafe-connect made",
    description:
      "Never leaves the app without a working credential: the old secrets are removed only after the\n" +
      "new one has produced a token. The new secret is shown once.",
    groups: [
      {
        title: "Rotate options",
        options: [
          ...appKeyOptions,
          ...secretLifetimeOptions,
          { name: "keep-old", kind: "boolean", description: "Keep the old secrets." },
          {
            name: "output",
            short: "o",
            kind: "string",
            value: "FILE",
            description: "Write the values (0600).",
          },
        ],
      },
      targetGroup,
      globalGroup,
    ],
    examples: [`${bc} secret rotate --app-id 1111... --secret-days 365`, `${bc} secret rotate --json`],
  },
  {
    name: "secret list",
    summary: "List the app's client secrets and certificates with their expiry",
    description: "Shows descriptions, key IDs, hints and end dates; never secret values.",
    groups: [{ title: "List options", options: appKeyOptions }, targetGroup, globalGroup],
    examples: [`${bc} secret list --app-id 1111...`, `${bc} secret list --json`],
  },
  {
    name: "sharepoint",
    summary: "SharePoint access: a certificate (modern), or the legacy appinv.aspx values",
    description:
      "SharePoint app-only access needs a certificate. --certificate creates one, adds its public part\n" +
      "to the app and writes the PEM and a password-protected PFX (password from BOXAFE_PFX_PASSWORD\n" +
      "or generated and shown once). --legacy-appinv prints the retired appinv.aspx page's values.",
    groups: [
      {
        title: "SharePoint options",
        options: [
          ...appKeyOptions,
          { name: "certificate", kind: "boolean", description: "Create and add a certificate (default)." },
          { name: "legacy-appinv", kind: "boolean", description: "Print the appinv.aspx values instead." },
          { name: "cert-days", kind: "string", value: "DAYS", description: "Certificate lifetime (365)." },
          { name: "out-dir", kind: "string", value: "DIR", description: "Where to write the files (.)." },
        ],
      },
      targetGroup,
      globalGroup,
    ],
    examples: [
      `${bc} sharepoint --app-id 1111... --out-dir ./boxafe-cert`,
      `${bc} sharepoint --legacy-appinv`,
    ],
  },
  {
    name: "remove",
    summary: "Delete the app registration and its enterprise app",
    description: "Removes the application and its service principal (and with them grants and secrets).",
    groups: [
      {
        title: "Remove options",
        options: [...appKeyOptions, { name: "yes", short: "y", kind: "boolean", description: "Do not ask." }],
      },
      targetGroup,
      globalGroup,
    ],
    examples: [`${bc} remove --app-id 1111... --yes`],
  },
  {
    name: "permissions",
    summary: "The permissions Boxafe needs (Table 1), grouped by API, with advisories",
    description: "Prints the catalog of the profile; no sign-in needed.",
    groups: [{ title: "Permissions options", options: profileOptions.slice(0, 2) }, globalGroup],
    examples: [
      `${bc} permissions`,
      `${bc} permissions --json`,
      `${bc} permissions --profile my-profile.json`,
    ],
  },
  {
    name: "sandbox",
    summary: "Run the local sandbox tenant (Entra ID + Graph over HTTPS) until Ctrl-C",
    description:
      "Prints the URL, tenant, admin account and CA file; other commands reach it with --sandbox URL.",
    groups: [
      {
        title: "Sandbox options",
        options: [
          {
            name: "port",
            kind: "string",
            value: "PORT",
            description: "HTTPS port (8443; 0 = any free port).",
          },
          {
            name: "auto-approve",
            kind: "boolean",
            description: "Approve device codes as the Global Administrator.",
          },
          {
            name: "faults",
            kind: "string",
            value: "SPEC",
            description: "e.g. latency=100,throttle=0.1,lag=2000",
          },
          { name: "seed", kind: "string", value: "N", description: "Seed for deterministic faults." },
          {
            name: "state-file",
            kind: "string",
            value: "FILE",
            description: "Persist the tenant across restarts.",
          },
        ],
      },
      globalGroup,
    ],
    examples: [
      `${bc} sandbox --auto-approve`,
      `${bc} sandbox --port 0 --json`,
      `${bc} sandbox --faults throttle=0.2`,
    ],
  },
  {
    name: "api",
    summary: "Run the HTTP API for Boxafe and partners on Node until Ctrl-C",
    description:
      "Serves /v1/permissions, /v1/verify, /v1/plan, /v1/setup, /openapi.json and /docs. Prints its URL\n" +
      '(one JSON line {"url"} with --json). With --sandbox URL it talks to that sandbox tenant.',
    groups: [
      {
        title: "API options",
        options: [
          {
            name: "port",
            kind: "string",
            value: "PORT",
            description: "Listen port (8787; 0 = any free port).",
          },
          { name: "host", kind: "string", value: "HOST", description: "Listen address (127.0.0.1)." },
          {
            name: "cloud",
            kind: "string",
            value: "global|usgov|china",
            description: "National cloud (global).",
          },
          { name: "sandbox", kind: "string", value: "URL", description: "A running sandbox tenant to use." },
          { name: "cors", kind: "string", value: "ORIGINS", description: "Comma-separated browser origins." },
        ],
      },
      globalGroup,
    ],
    examples: [`${bc} api --port 0 --json`, `${bc} api --sandbox https://localhost:8443`],
  },
  {
    name: "web-app register",
    summary: "Register the single-page app the web UI signs in with (for a real tenant)",
    description:
      "Creates an SPA registration with the redirect URIs of your web UI and the delegated Microsoft\n" +
      "Graph scopes the web setup needs (Application.ReadWrite.All, AppRoleAssignment.ReadWrite.All,\n" +
      "DelegatedPermissionGrant.ReadWrite.All), and prints its client ID.",
    groups: [
      {
        title: "Web app options",
        options: [
          {
            name: "name",
            kind: "string",
            value: "NAME",
            description: 'Display name ("Boxafe Connect Web").',
          },
          {
            name: "redirect-uri",
            kind: "string",
            multiple: true,
            value: "URL",
            description: "SPA redirect URI; repeat for more (default http://localhost:5173/).",
          },
        ],
      },
      targetGroup,
      globalGroup,
    ],
    examples: [`${bc} web-app register --tenant contoso.com --redirect-uri https://nas.example.com/connect/`],
  },
];
