/** Configuration: the shared CRUD every configuration domain builds on, and the small lookup tables. */
export {
  Calendar,
  Comments,
  columnsOf,
  configItem,
  Email,
  Language,
  ListQueryFields,
  Minutes,
  Name,
  Password,
  PermissionKey,
  PermissionKeys,
  pageOf,
  TimeZone,
  Valid,
} from './api-schemas.ts';
export { createConfigRow } from './commands/create-config-row.ts';
export { deleteConfigRow } from './commands/delete-config-row.ts';
export { updateConfigRow } from './commands/update-config-row.ts';
export { crudRoutes } from './config-routes.ts';
export type { ConfigTable, Row } from './config-table.ts';
export { configTransaction } from './config-transaction.ts';
export type { Reader } from './loose-db.ts';
export { MIN_PASSWORD_LENGTH, passwordColumn } from './password.ts';
export { getConfigRow } from './queries/get-config-row.ts';
export { listConfigRows } from './queries/list-config-rows.ts';
export { requireAdmin } from './require-admin.ts';
export { requireExisting } from './require-existing.ts';
export { requireRow } from './require-row.ts';
export { configRoutes } from './routes.ts';
