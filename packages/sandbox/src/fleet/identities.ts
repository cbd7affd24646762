/**
 * The tenants of a fleet sandbox: one partner (the MSP) and N customers, with ids derived from their
 * number so a test, a fleet file and a report can name them without reading the sandbox first.
 */
import { ROLE, type TenantIdentity } from "../store/tenant.js";

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/** The MSP's own tenant; its admin reaches customers through delegated admin relationships. */
export const PARTNER_TENANT: TenantIdentity = {
  id: "b0000000-7e11-4a5d-9c0f-000000000000",
  domain: "northwind-msp.onmicrosoft.com",
  name: "Northwind MSP",
  sharePointName: "northwindmsp",
  users: [
    {
      id: "b0000000-0000-4000-8000-000000000001",
      userPrincipalName: "msp-admin@northwind-msp.onmicrosoft.com",
      displayName: "Morgan MSP-Admin",
      roles: [ROLE.globalAdministrator],
    },
  ],
};

/** Customer `index` (1-based): `customerN.onmicrosoft.com` with its own Global Administrator and a mailbox user. */
export function customerTenant(index: number): TenantIdentity {
  if (!Number.isInteger(index) || index < 1 || index > 0xfffffff) {
    throw new RangeError(`customer index must be 1..${0xfffffff}, got ${index}`);
  }
  const domain = `customer${index}.onmicrosoft.com`;
  return {
    id: `c${hex(index, 7)}-5a1d-4b0c-8e11-${hex(index, 12)}`,
    domain,
    name: `Customer ${index}`,
    sharePointName: `customer${index}`,
    users: [
      {
        id: `d${hex(index, 7)}-0000-4000-8000-000000000001`,
        userPrincipalName: `admin@${domain}`,
        displayName: `Casey Admin ${index}`,
        roles: [ROLE.globalAdministrator],
      },
      {
        id: `d${hex(index, 7)}-0000-4000-8000-000000000002`,
        userPrincipalName: `user@${domain}`,
        displayName: `Uma User ${index}`,
        roles: [],
      },
    ],
  };
}
