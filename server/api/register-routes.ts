import { authRoutes } from '../domain/auth/routes.ts';
import type { DomainContext } from '../domain/context.ts';
import { systemRoutes } from '../domain/system/routes.ts';
import { ticketRoutes } from '../domain/tickets/routes.ts';
import type { App } from './app.ts';
import { healthRoutes } from './health-routes.ts';

/** Every domain's routes; each domain owns its routes file. */
export async function registerRoutes(app: App, ctx: DomainContext) {
  await healthRoutes(app, ctx);
  await authRoutes(app, ctx);
  await ticketRoutes(app, ctx);
  await systemRoutes(app, ctx);
}
