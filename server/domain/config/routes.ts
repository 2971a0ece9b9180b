import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { Id } from '../../api/schema-helpers.ts';
import type { DomainContext } from '../context.ts';
import { crudRoutes } from './config-routes.ts';
import { PriorityCreate, PriorityItem, priorityTable } from './tables/priorities.ts';
import { ServiceCreate, ServiceItem, serviceTable } from './tables/services.ts';
import { SlaCreate, SlaItem, slaTable } from './tables/slas.ts';
import { StateCreate, StateItem, stateTable } from './tables/states.ts';
import { SystemAddressCreate, SystemAddressItem, systemAddressTable } from './tables/system-addresses.ts';
import { TicketTypeCreate, TicketTypeItem, ticketTypeTable } from './tables/ticket-types.ts';

const filter = (name: string) => Type.Object({ [name]: Type.Optional(Id) });

/** The small lookup tables of ticket configuration: states, priorities, types, services, SLAs, addresses. */
export async function configRoutes(app: App, ctx: DomainContext) {
  crudRoutes(app, ctx, {
    path: '/api/v1/states',
    plural: 'states',
    table: stateTable,
    item: StateItem,
    create: StateCreate,
  });
  crudRoutes(app, ctx, {
    path: '/api/v1/priorities',
    plural: 'priorities',
    table: priorityTable,
    item: PriorityItem,
    create: PriorityCreate,
  });
  crudRoutes(app, ctx, {
    path: '/api/v1/ticket-types',
    plural: 'ticket types',
    table: ticketTypeTable,
    item: TicketTypeItem,
    create: TicketTypeCreate,
  });
  crudRoutes(app, ctx, {
    path: '/api/v1/services',
    plural: 'services',
    table: serviceTable,
    item: ServiceItem,
    create: ServiceCreate,
    filters: filter('parentId'),
  });
  crudRoutes(app, ctx, {
    path: '/api/v1/slas',
    plural: 'SLAs',
    table: slaTable,
    item: SlaItem,
    create: SlaCreate,
    filters: filter('serviceId'),
  });
  crudRoutes(app, ctx, {
    path: '/api/v1/system-addresses',
    plural: 'system addresses',
    table: systemAddressTable,
    item: SystemAddressItem,
    create: SystemAddressCreate,
    filters: filter('queueId'),
  });
}
