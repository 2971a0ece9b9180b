import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { Id } from '../../api/schema-helpers.ts';
import { crudRoutes } from '../config/index.ts';
import type { DomainContext } from '../context.ts';
import { QueueCreate, QueueItem, queueTable } from './queue-table.ts';

export async function queueRoutes(app: App, ctx: DomainContext) {
  crudRoutes(app, ctx, {
    path: '/api/v1/queues',
    plural: 'queues',
    table: queueTable,
    item: QueueItem,
    create: QueueCreate,
    filters: Type.Object({ groupId: Type.Optional(Id) }),
  });
}
