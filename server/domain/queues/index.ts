/** Queues as configuration (tickets in them are the tickets domain's). */
export { queueTable } from './queue-table.ts';
export { queueRoutes } from './routes.ts';
