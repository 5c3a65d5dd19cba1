import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import { databaseHealth } from './health.js';

let database: TestDatabase;
let client: DatabaseClient;
let dropped = false;

beforeAll(async () => {
  database = await createTestDatabase();
  client = connect(database.url, { max: 2 });
}, 60_000);

afterAll(async () => {
  await client.close();
  if (!dropped) await database.drop();
}, 60_000);

describe('databaseHealth', () => {
  it('is ok against a running database', async () => {
    expect(await databaseHealth(client.pool)).toEqual({ database: 'ok' });
  });

  it('is unavailable, without throwing, once the database has stopped', async () => {
    dropped = true;
    await database.drop();
    const started = Date.now();
    expect(await databaseHealth(client.pool, 2_000)).toEqual({ database: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(2_500);
  }, 30_000);

  it('gives up after its timeout when the query never answers', async () => {
    const hung = { query: () => new Promise<never>(() => undefined) };
    const started = Date.now();
    expect(await databaseHealth(hung as never, 50)).toEqual({ database: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
