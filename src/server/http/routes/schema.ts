/** GET /schema: the contract as JSON Schema, for integrators. */
import { Hono } from 'hono';
import { contractJsonSchemas } from '../../../shared/contract/json-schema';

export function schemaRoutes(): Hono {
  let schemas: Record<string, unknown> | undefined;
  return new Hono().get('/schema', (c) => {
    schemas ??= contractJsonSchemas();
    c.header('Cache-Control', 'no-cache');
    return c.json(schemas);
  });
}
