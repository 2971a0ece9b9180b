import type { DomainContext } from '../domain/context.ts';
import type { AgentActor, CustomerActor } from '../domain/permissions/actor.ts';
import { loadAgentActor, loadCustomerActor, systemActor } from '../domain/permissions/load-actor.ts';

/**
 * What a demo ticket story needs: the actors, ids looked up by name, and a clock set in the past,
 * so that the dashboard's "last 7 days" and the ticket numbers' dates look like a working week.
 */
export class DemoDesk {
  private constructor(
    private readonly ctx: DomainContext,
    private readonly names: Record<'queues' | 'states' | 'priorities' | 'ticketTypes', Map<string, number>>,
  ) {}

  static async open(ctx: DomainContext): Promise<DemoDesk> {
    const byName = async (table: 'queues' | 'states' | 'priorities' | 'ticketTypes') => {
      const rows = await ctx.db.selectFrom(table).select(['id', 'name']).execute();
      return new Map(rows.map((row) => [row.name, row.id]));
    };
    return new DemoDesk(ctx, {
      queues: await byName('queues'),
      states: await byName('states'),
      priorities: await byName('priorities'),
      ticketTypes: await byName('ticketTypes'),
    });
  }

  queue = (name: string) => this.id('queues', name);
  state = (name: string) => this.id('states', name);
  priority = (name: string) => this.id('priorities', name);
  type = (name: string) => this.id('ticketTypes', name);

  private id(table: keyof DemoDesk['names'], name: string): number {
    const id = this.names[table].get(name);
    if (id === undefined) throw new Error(`demo data: no ${table} row named "${name}"`);
    return id;
  }

  system(): AgentActor {
    return systemActor();
  }

  async agent(login: string): Promise<AgentActor> {
    const row = await this.ctx.db
      .selectFrom('agents')
      .select('id')
      .where('login', '=', login)
      .executeTakeFirstOrThrow();
    const actor = await loadAgentActor(this.ctx.db, row.id);
    if (!actor) throw new Error(`demo data: agent ${login} is not valid`);
    return actor;
  }

  async customerUser(login: string): Promise<CustomerActor> {
    const row = await this.ctx.db
      .selectFrom('customerUsers')
      .select('id')
      .where('login', '=', login)
      .executeTakeFirstOrThrow();
    const actor = await loadCustomerActor(this.ctx.db, row.id);
    if (!actor) throw new Error(`demo data: customer user ${login} is not valid`);
    return actor;
  }

  async customer(key: string): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('customers')
      .select('id')
      .where('customerKey', '=', key)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The context with its clock at `minutes` after the start of a story that began `daysAgo` days ago. */
  at(daysAgo: number, minutes = 0): DomainContext {
    const start = Date.now() - daysAgo * 24 * 3600_000 - 4 * 3600_000;
    const moment = new Date(Math.min(start + minutes * 60_000, Date.now()));
    return { ...this.ctx, now: () => moment };
  }
}
