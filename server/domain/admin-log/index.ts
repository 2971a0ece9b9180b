/** The admin change log: who changed which configuration object, when, and what. */
export { type AdminChange, diffChanges, REDACTED, recordAdminChange } from './record-admin-change.ts';
export { adminLogRoutes } from './routes.ts';
