import type { App } from '../../../api/app.ts';
import { actorOf } from '../../../api/route-access.ts';
import { errorResponses } from '../../../api/schema-helpers.ts';
import { type Language, languageFrom, translate } from '../../../platform/i18n.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { CUSTOMER_USER_COLUMNS, importCustomerUsers } from './import-customer-users.ts';
import { CUSTOMER_COLUMNS, importCustomers } from './import-customers.ts';
import type { RowResult } from './import-rows.ts';
import { ImportBody, type ImportRequest, ImportResults, MAX_IMPORT_ROWS } from './import-schemas.ts';

/** A row's result with its errors in the reader's language. */
const present = (language: Language) => (result: RowResult) => ({
  ...result,
  errors: result.errors?.map((error) => ({
    field: error.field,
    message: translate(language, error.messageKey, error.params),
  })),
});

/** Imports of customers and customer users from the rows of a CSV file, which the client sends in chunks. */
export async function customerImportRoutes(app: App, ctx: DomainContext) {
  const route = (
    path: string,
    what: string,
    columns: readonly string[],
    run: (actor: Actor, request: ImportRequest) => Promise<RowResult[]>,
  ) =>
    app.post(
      path,
      {
        config: { access: 'admin' },
        schema: {
          tags: ['import'],
          summary: `Import ${what} from the rows of a CSV file (at most ${MAX_IMPORT_ROWS} per call)`,
          description: `Columns: ${columns.join(', ')}. Each row is written on its own; its result says created, updated or its errors.`,
          body: ImportBody,
          response: { 200: ImportResults, ...errorResponses },
        },
      },
      async (request) => {
        const results = await run(actorOf(request), request.body);
        const language = languageFrom(request.headers['accept-language'], ctx.config.defaultLanguage);
        return { results: results.map(present(language)) };
      },
    );
  route('/api/v1/customers/import', 'customers', CUSTOMER_COLUMNS.fields, (actor, body) =>
    importCustomers(ctx, actor, body),
  );
  route('/api/v1/customer-users/import', 'customer users', CUSTOMER_USER_COLUMNS.fields, (actor, body) =>
    importCustomerUsers(ctx, actor, body),
  );
}
