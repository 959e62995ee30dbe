/** A held-back BEGIN, against a real PostgreSQL (TEST_DATABASE_URL). */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beginWithNext } from './begin-with-next';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('beginWithNext', () => {
  let client: pg.Client;
  let held: { reset(): void };
  /** Every message the client sent, as the text of its statement. */
  const sent: string[] = [];

  beforeEach(async () => {
    client = new pg.Client({ connectionString: url });
    await client.connect();
    // Temporary: this session's own, gone when it ends.
    await client.query('create temporary table t (n integer)');
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      sent.push(String(args[0]));
      return query(...args);
    };
    sent.length = 0;
    held = beginWithNext(client);
  });
  afterEach(() => client.end());

  const count = async () => Number((await client.query('select count(*) as n from t')).rows[0].n);
  const inTransaction = async () =>
    (await client.query(`select now() <> statement_timestamp() as inside`)).rows[0].inside;

  it('sends BEGIN with the next statement when it has no parameters, and answers with its result', async () => {
    const begun = await client.query('begin');
    expect(begun.command).toBe('BEGIN');
    expect(sent).toEqual([]);
    const result = await client.query('insert into t values (1), (2) returning n');
    expect(sent).toEqual(['begin; insert into t values (1), (2) returning n']);
    expect(result.rows).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await inTransaction()).toBe(true);
    await client.query('rollback');
    expect(await count()).toBe(0);
  });

  it('sends BEGIN first when the next statement has parameters', async () => {
    await client.query('begin');
    const result = await client.query('insert into t values ($1) returning n', [7]);
    expect(sent).toEqual(['begin', 'insert into t values ($1) returning n']);
    expect(result.rows).toEqual([{ n: 7 }]);
    await client.query('rollback');
    expect(await count()).toBe(0);
  });

  it('keeps the transaction a failing first statement aborted, for the rollback', async () => {
    await client.query('begin');
    await expect(client.query('select no_such_column from t')).rejects.toThrow(/no_such_column/);
    await expect(client.query('select 1')).rejects.toThrow(/aborted/);
    await client.query('rollback');
    expect(await count()).toBe(0);
  });

  it('holds nothing back once reset (the client back in the pool)', async () => {
    await client.query('begin');
    held.reset();
    await client.query('insert into t values (3)');
    expect(sent).toEqual(['insert into t values (3)']);
    // No transaction was open: the insert stays without a commit.
    expect(await inTransaction()).toBe(false);
    expect(await count()).toBe(1);
  });

  it('leaves every other statement as it is', async () => {
    await client.query('insert into t values ($1)', [4]);
    await client.query('select 1');
    expect(sent).toEqual(['insert into t values ($1)', 'select 1']);
    expect(await count()).toBe(1);
  });
});
