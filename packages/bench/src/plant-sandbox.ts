/**
 * Plants section 3b's problems in a fleet sandbox's tenant (inside the sandbox's process, as an admin's
 * portal click or a policy change would leave it): the same state Graph's DELETE of an app role
 * assignment or of a delegated grant, a removed key credential or `Set-OrganizationConfig -EwsEnabled
 * $false` leaves. Throws when the tenant does not hold what is to be removed, so a plant never silently
 * plants nothing.
 */
import { resourceByKey } from "@boxafe-connect/core";
import type { FleetTenant } from "@boxafe-connect/sandbox";
import type { Plant } from "./fleet-plants.js";

export function plantInSandbox(tenant: FleetTenant, clientId: string, plant: Plant): void {
  const dir = tenant.context.dir;
  const data = dir.data;
  const where = `tenant ${tenant.tenantId}`;
  const app = dir.appByAppId(clientId);
  const sp = dir.spByAppId(clientId);
  if (!app || !sp) throw new Error(`${where}: app ${clientId} or its service principal is not there`);
  const resourceSp = (key: Parameters<typeof resourceByKey>[0]) => {
    const found = dir.spByAppId(resourceByKey(key).appId);
    if (!found) throw new Error(`${where}: no service principal for ${key}`);
    return found;
  };
  switch (plant.kind) {
    case "role": {
      for (const role of plant.roles) {
        const resource = resourceSp(role.resource);
        const roleId = resource.appRoles.find((r) => r.value === role.value)?.id;
        const before = data.appRoleAssignments.length;
        data.appRoleAssignments = data.appRoleAssignments.filter(
          (a) => !(a.principalId === sp.id && a.resourceId === resource.id && a.appRoleId === roleId),
        );
        if (data.appRoleAssignments.length !== before - 1) {
          throw new Error(`${where}: ${role.resource} ${role.value} was not assigned once`);
        }
      }
      break;
    }
    case "consent": {
      const resource = resourceSp(plant.resource);
      const before = data.oauth2PermissionGrants.length;
      data.oauth2PermissionGrants = data.oauth2PermissionGrants.filter(
        (g) => !(g.clientId === sp.id && g.resourceId === resource.id),
      );
      if (data.oauth2PermissionGrants.length !== before - 1) {
        throw new Error(`${where}: no single delegated grant on ${plant.resource}`);
      }
      break;
    }
    case "certificate":
      if (app.keyCredentials.length === 0) throw new Error(`${where}: the app holds no certificate`);
      app.keyCredentials = [];
      break;
    case "ews": {
      const policy = tenant.context.exchange.written();
      if (policy.EwsEnabled !== true) throw new Error(`${where}: EWS was not enabled`);
      // Seeded, not written: in force at once, as a change made long before the check.
      tenant.context.exchange.seed({ ...policy, EwsEnabled: false });
      break;
    }
  }
  dir.save();
}
