/** The default profile: Table 1 of the QNAP Boxafe guide, exactly, in the guide's order. */
import { permissions } from "../catalog/permissions.js";
import type { Profile } from "../catalog/types.js";

export const boxafeProfile: Profile = {
  name: "boxafe",
  description: "QNAP Boxafe backup and restore of a Microsoft 365 tenant (the guide's Table 1)",
  permissions: permissions.map(({ resource, kind, value }) => ({ resource, kind, value })),
};
