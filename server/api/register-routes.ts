import { adminLogRoutes } from '../domain/admin-log/index.ts';
import { agentRoutes } from '../domain/agents/index.ts';
import { authRoutes } from '../domain/auth/routes.ts';
import { configRoutes } from '../domain/config/index.ts';
import type { DomainContext } from '../domain/context.ts';
import { contractRoutes } from '../domain/contracts/index.ts';
import { customerRoutes } from '../domain/customers/index.ts';
import { dashboardRoutes } from '../domain/dashboard/index.ts';
import { groupRoutes } from '../domain/groups/index.ts';
import { liveRoutes } from '../domain/live/routes.ts';
import { mailAccountRoutes } from '../domain/mail/accounts/routes.ts';
import { mailFilterRoutes } from '../domain/mail/filters/routes.ts';
import { mailMessageRoutes } from '../domain/mail/messages/routes.ts';
import { outboundRoutes } from '../domain/mail/outbound/routes.ts';
import { notificationRoutes } from '../domain/notifications/routes.ts';
import { portalRoutes } from '../domain/portal/routes.ts';
import { queueRoutes } from '../domain/queues/index.ts';
import { roleRoutes } from '../domain/roles/index.ts';
import { satisfactionRoutes } from '../domain/satisfaction/routes.ts';
import { systemRoutes } from '../domain/system/routes.ts';
import { ticketRoutes } from '../domain/tickets/routes.ts';
import type { App } from './app.ts';
import { healthRoutes } from './health-routes.ts';

/** Every domain's routes; each domain owns its routes file. */
export async function registerRoutes(app: App, ctx: DomainContext) {
  await healthRoutes(app, ctx);
  await authRoutes(app, ctx);
  await ticketRoutes(app, ctx);
  await dashboardRoutes(app, ctx);
  // configuration objects (admin writes, agent reads)
  await agentRoutes(app, ctx);
  await groupRoutes(app, ctx);
  await roleRoutes(app, ctx);
  await queueRoutes(app, ctx);
  await customerRoutes(app, ctx);
  await contractRoutes(app, ctx);
  await configRoutes(app, ctx);
  await mailAccountRoutes(app, ctx);
  await mailFilterRoutes(app, ctx);
  await systemRoutes(app, ctx);
  // who changed which configuration object, when, and what (admins)
  await adminLogRoutes(app, ctx);
  // received mail (admins) and the original message of an email article
  await mailMessageRoutes(app, ctx);
  // composing answers, salutations, signatures, auto-responses; agents' notification preferences
  await outboundRoutes(app, ctx);
  await notificationRoutes(app, ctx);
  await portalRoutes(app, ctx);
  await satisfactionRoutes(app, ctx);
  // server-sent events that keep the web app's views current
  await liveRoutes(app, ctx);
}
