/**
 * The public names of core/catalog (src/index.ts re-exports them all; add a new export here): the
 * permission catalog: resources, Table 1 permissions, advisories and their views.
 */

export {
  advisories,
  advisoriesFor,
  advisoryAction,
  advisoryMarker,
  isRetired,
} from "./advisories.js";
export type { AdvisoryNote } from "./advisory-notes.js";
export { advisoryNotes } from "./advisory-notes.js";
export { graphMailPermissions } from "./graph-mail-permissions.js";
export { findPermission, permissionById, permissionKey, sameRef } from "./lookup.js";
export { permissions } from "./permissions.js";
export type {
  AdvisoryView,
  PermissionsView,
  PermissionsViewOptions,
  PermissionView,
  ResourceView,
} from "./permissions-view.js";
export { permissionsView } from "./permissions-view.js";
export {
  findResource,
  isResourceKey,
  resourceByAppId,
  resourceByKey,
  resources,
} from "./resources.js";
export type {
  Advisory,
  AdvisoryId,
  Permission,
  PermissionKind,
  PermissionRef,
  Profile,
  Resource,
  ResourceKey,
} from "./types.js";
