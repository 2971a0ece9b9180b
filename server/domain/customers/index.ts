/** Customers and the customer users who work for them. */
export { type CreateCustomerUserInput, createCustomerUser } from './commands/create-customer-user.ts';
export { type UpdateCustomerUserInput, updateCustomerUser } from './commands/update-customer-user.ts';
export { customerTable } from './customer-table.ts';
export { customerUserTable } from './customer-user-table.ts';
export { customerRoutes } from './routes.ts';
