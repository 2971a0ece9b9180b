/** The agent dashboard: counts over the tickets an agent may see. */
export { type QueueOverviewRow, queueOverview } from './queries/queue-overview.ts';
export { type TicketStats, ticketStats } from './queries/ticket-stats.ts';
export { dashboardRoutes } from './routes.ts';
