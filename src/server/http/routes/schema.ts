/** GET /schema (API.schema): the contract as JSON Schema, for integrators. */
import { Hono } from 'hono';
import { API } from '../../../shared/contract/api';
import { contractJsonSchemas } from '../../../shared/contract/json-schema';

export function schemaRoutes(): Hono {
  const { method, path } = API.schema;
  let schemas: Record<string, unknown> | undefined;
  return new Hono().on(method, path, (c) => {
    schemas ??= contractJsonSchemas();
    c.header('Cache-Control', 'no-cache');
    return c.json(schemas);
  });
}
