import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, createKit, type Kit, PASSWORD, unique } from './config-kit.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
  // rules the schema does not know about, as a later migration might add: on this file's own database
  await sql`ALTER TABLE priorities ADD CHECK (name <> 'vietata')`.execute(kit.t.ctx.db);
  await sql`ALTER TABLE priorities ADD CHECK (valid OR name NOT LIKE 'vecchia%')`.execute(kit.t.ctx.db);
});
afterAll(() => kit.t.close());

describe('a CHECK constraint the database enforces', () => {
  it('on one column answers 400 naming the field, in the language asked for', async () => {
    const refused = await kit.admin.post('/api/v1/priorities', { name: 'vietata' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error).toEqual({
      code: 'validation',
      field: 'name',
      message: 'The value of name is not allowed',
    });

    const created = (await kit.admin.post('/api/v1/priorities', { name: unique('6 urgente') })).json();
    const renamed = await kit.admin.patch(`/api/v1/priorities/${created.id}`, { name: 'vietata' });
    expect(renamed.statusCode, renamed.body).toBe(400);
    expect(renamed.json().error.field).toBe('name');

    const italian = await apiAs(kit.t.app, kit.adminLogin, PASSWORD, 'agent', 'it');
    const inItalian = await italian.post('/api/v1/priorities', { name: 'vietata' });
    expect(inItalian.json().error.message).toBe('Il valore di name non è ammesso');
  });

  it('on several columns answers 400 without a field, and writes nothing', async () => {
    const name = unique('vecchia');
    const refused = await kit.admin.post('/api/v1/priorities', { name, valid: false });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error).toEqual({ code: 'validation', message: 'These values do not go together' });
    const listed = (await kit.admin.get(`/api/v1/priorities?q=${encodeURIComponent(name)}`)).json();
    expect(listed.total).toBe(0);
  });
});
