/** Customers' contracts and what they make billable or free of charge. */
export { customerContractTable } from './contract-table.ts';
export { type KindBilling, kindBilling } from './queries/kind-billing.ts';
export { contractRoutes } from './routes.ts';
