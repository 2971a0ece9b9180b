import { Type } from '@sinclair/typebox';
import type { App } from '../../../api/app.ts';
import { Id } from '../../../api/schema-helpers.ts';
import { crudRoutes } from '../../config/config-routes.ts';
import type { DomainContext } from '../../context.ts';
import { IntakeRuleCreate, IntakeRuleItem, intakeRuleTable } from './intake-rule-table.ts';
import { PostmasterFilterCreate, PostmasterFilterItem, postmasterFilterTable } from './postmaster-filter-table.ts';

/** How received mail is sorted (postmaster filters) and judged (intake rules): admins' settings. */
export async function mailFilterRoutes(app: App, ctx: DomainContext) {
  crudRoutes(app, ctx, {
    path: '/api/v1/postmaster-filters',
    plural: 'postmaster filters',
    table: postmasterFilterTable,
    item: PostmasterFilterItem,
    create: PostmasterFilterCreate,
    readAccess: 'admin',
  });
  crudRoutes(app, ctx, {
    path: '/api/v1/intake-rules',
    plural: 'intake rules',
    table: intakeRuleTable,
    item: IntakeRuleItem,
    create: IntakeRuleCreate,
    filters: Type.Object({ queueId: Type.Optional(Id), systemAddressId: Type.Optional(Id) }),
    readAccess: 'admin',
  });
}
