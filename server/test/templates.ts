import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { dumpPglite, migratePglite, openPglite } from '../src/platform/db/pglite.ts';
import { migratePostgres, openPostgres } from '../src/platform/db/postgres.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { TEST_SECRETS } from './secrets.ts';

const seedConfig = () => loadConfig({ BANSHI_DEMO: '1', LOG_LEVEL: 'silent', ...TEST_SECRETS });

type Template =
  | { kind: 'pglite'; dumpFile: string; dispose?: () => Promise<void> }
  | { kind: 'postgres'; adminUrl: string; templateName: string; dispose?: () => Promise<void> };

export async function createTemplate(kind: 'pglite' | 'postgres', dir: string): Promise<Template> {
  if (kind === 'pglite') {
    const database = await openPglite({ memory: true });
    await migratePglite(database);
    await seedDemo(database.db, seedConfig());
    const dumpFile = path.join(dir, 'template.tar.gz');
    fs.writeFileSync(dumpFile, Buffer.from(await (await dumpPglite(database)).arrayBuffer()));
    await database.close();
    return { kind, dumpFile };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const templateName = `banshi_template_${process.pid}`;
  await adminQuery(adminUrl, `drop database if exists ${templateName}`);
  await adminQuery(adminUrl, `create database ${templateName}`);
  const url = withDatabase(adminUrl, templateName);
  await migratePostgres(url);
  const database = openPostgres(url);
  await seedDemo(database.db, seedConfig());
  await database.close();
  return {
    kind,
    adminUrl,
    templateName,
    dispose: () => adminQuery(adminUrl, `drop database if exists ${templateName}`),
  };
}

export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
