/** `web-app register`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { globalGroup, targetGroup } from "../options.js";

export const webAppRegisterCommand: CommandSpec = {
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
  examples: [`${bin} web-app register --tenant contoso.com --redirect-uri https://nas.example.com/connect/`],
};
