import { describe, expect, it } from 'vitest';
import type { Kit } from './config-kit.ts';

type Body = Record<string, unknown>;
export interface Created extends Body {
  id: number;
}

/** What the shared checks need to know about one configuration object's API. */
export interface CrudSpec {
  path: string;
  /** a valid, unique create body */
  create: (kit: Kit) => Body;
  /** the `q` that finds the created row */
  search: (created: Created) => string;
  update: (kit: Kit) => Body;
  /** a create body refused by validation, and the field the error must name */
  invalid: (kit: Kit) => { body: Body; field: string };
  /** a create body colliding with the created row, and the field named */
  duplicate: (created: Created, kit: Kit) => { body: Body; field: string };
  /** makes something (a ticket, a queue…) refer to the row */
  use: (kit: Kit, created: Created) => Promise<void>;
}

/**
 * The behaviour every configuration object shares: create, search, change, deactivate, delete
 * only when unused, writes for admins only, nothing for customer users, fields named in errors.
 */
export function crudSuite(name: string, kit: () => Kit, spec: CrudSpec) {
  const create = async (): Promise<Created> => {
    const response = await kit().admin.post(spec.path, spec.create(kit()));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  describe(name, () => {
    it('creates, finds, changes and deactivates', async () => {
      const created = await create();
      const one = await kit().agent.get(`${spec.path}/${created.id}`);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ id: created.id, valid: true });

      const found = await kit().agent.get(`${spec.path}?q=${encodeURIComponent(spec.search(created))}`);
      expect(found.statusCode).toBe(200);
      expect(found.json().items.map((item: Created) => item.id)).toContain(created.id);
      expect(found.json().total).toBeGreaterThanOrEqual(1);
      const missing = await kit().agent.get(`${spec.path}?q=no-such-thing-anywhere`);
      expect(missing.json()).toMatchObject({ total: 0, items: [] });

      const update = spec.update(kit());
      const changed = await kit().admin.patch(`${spec.path}/${created.id}`, update);
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject(update);

      const off = await kit().admin.patch(`${spec.path}/${created.id}`, { valid: false });
      expect(off.json().valid).toBe(false);
      const inactive = (await kit().agent.get(`${spec.path}?valid=false&pageSize=500`)).json();
      expect(inactive.items.map((item: Created) => item.id)).toContain(created.id);
      const active = (await kit().agent.get(`${spec.path}?valid=true&pageSize=500`)).json();
      expect(active.items.map((item: Created) => item.id)).not.toContain(created.id);
    });

    it('deletes what nothing uses and refuses what is in use', async () => {
      const unused = await create();
      const deleted = await kit().admin.delete(`${spec.path}/${unused.id}`);
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect((await kit().agent.get(`${spec.path}/${unused.id}`)).statusCode).toBe(404);
      expect((await kit().admin.delete(`${spec.path}/${unused.id}`)).statusCode).toBe(404);

      const used = await create();
      await spec.use(kit(), used);
      const refused = await kit().admin.delete(`${spec.path}/${used.id}`);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().error.code).toBe('conflict');
      expect(refused.json().error.message).toContain('is still used');
      expect(refused.json().error.message).toContain('deactivate it instead');
      expect((await kit().agent.get(`${spec.path}/${used.id}`)).statusCode).toBe(200);
    });

    it('lets only admins write and customer users read nothing', async () => {
      const created = await create();
      const agent = kit().agent;
      for (const response of [
        await agent.post(spec.path, spec.create(kit())),
        await agent.patch(`${spec.path}/${created.id}`, { valid: false }),
        await agent.delete(`${spec.path}/${created.id}`),
      ]) {
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
      expect((await agent.get(`${spec.path}/${created.id}`)).json().valid).toBe(true);
      for (const response of [
        await kit().customer.get(spec.path),
        await kit().customer.get(`${spec.path}/${created.id}`),
      ]) {
        expect(response.statusCode).toBe(403);
      }
    });

    it('names the field at fault', async () => {
      const { body, field } = spec.invalid(kit());
      const response = await kit().admin.post(spec.path, body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation', field });
      const created = await create();
      const unknown = await kit().admin.patch(`${spec.path}/${created.id}`, { colour: 'red' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.field).toBe('colour');
      const empty = await kit().admin.patch(`${spec.path}/${created.id}`, {});
      expect(empty.statusCode).toBe(400);
    });

    it('answers 409 naming the field for a duplicate', async () => {
      const created = await create();
      const { body, field } = spec.duplicate(created, kit());
      const response = await kit().admin.post(spec.path, body);
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'conflict', field });
      const other = await create();
      const renamed = await kit().admin.patch(`${spec.path}/${other.id}`, { [field]: created[field] });
      expect(renamed.statusCode, renamed.body).toBe(409);
      expect(renamed.json().error.field).toBe(field);
    });
  });
}
