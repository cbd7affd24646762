/**
 * `sandbox --tenants N`: a fleet sandbox for trying the MSP commands: a partner tenant and N customer
 * tenants on one origin, GDAP relationships to all but those named by --without-relationship, and a
 * fleet file listing the customers (written next to the sandbox's CA) to pass to `fleet setup`.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startFleetSandbox } from "@boxafe-connect/sandbox";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { sandboxHome } from "../target/resolve-target.js";

function indexes(context: CommandContext, name: string, tenants: number): number[] {
  const raw = stringOption(context, name);
  if (raw === undefined || raw === "") return [];
  const list = raw.split(",").map((part) => Number(part.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 1 || n > tenants)) {
    throw new UsageError(
      `--${name} takes customer numbers from 1 to ${tenants}, comma-separated.`,
      "sandbox",
    );
  }
  return list;
}

export async function startFleetFromFlags(
  context: CommandContext,
  tenants: number,
  common: { readonly port: number; readonly seed: number; readonly autoApprove: boolean },
): Promise<{ readonly stop: () => Promise<void> }> {
  const home = sandboxHome(context.env);
  const fleet = await startFleetSandbox({
    tenants,
    port: common.port,
    seed: common.seed,
    autoApprove: common.autoApprove,
    home,
    withoutRelationship: indexes(context, "without-relationship", tenants),
    ...(flag(context, "ews-enabled") ? { ewsEnabled: "all" as const } : {}),
  });
  const fleetFile = join(home, `fleet-${new URL(fleet.url).port}.json`);
  const tenantsList = fleet.customers.map((c) => ({
    tenant: c.tenantId,
    label: `Customer ${c.index}`,
    boxafe: "1.5",
  }));
  await writeFile(fleetFile, `${JSON.stringify({ tenants: tenantsList }, null, 2)}\n`);
  if (context.out.json) {
    process.stdout.write(
      `${JSON.stringify({
        url: fleet.url,
        caFile: fleet.caFile,
        partner: {
          tenantId: fleet.partner.tenantId,
          domain: fleet.partner.domain,
          admin: fleet.partner.admin,
        },
        customers: fleet.customers.map((c) => ({ index: c.index, tenantId: c.tenantId, domain: c.domain })),
        fleetFile,
      })}\n`,
    );
  } else {
    context.out.print(
      [
        `Fleet sandbox ready: a partner and ${tenants} customer tenants`,
        `  URL        ${fleet.url}`,
        `  Partner    ${fleet.partner.domain}, admin ${fleet.partner.admin.upn}`,
        `  Customers  customer1..customer${tenants}.onmicrosoft.com, GDAP relationships to each`,
        `  Fleet file ${fleetFile}`,
        `  CA file    ${fleet.caFile}`,
        `Try: boxafe-connect fleet setup --fleet ${fleetFile} --sandbox ${fleet.url}`,
        "Press Ctrl+C to stop.",
      ].join("\n"),
    );
  }
  return fleet;
}
