import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createTemplate } from './templates.ts';

/**
 * Builds one migrated database with the demo center once per run; each test file then starts
 * from a copy (a PGlite data-dir dump, or a PostgreSQL `CREATE DATABASE … TEMPLATE`).
 * Compiles the server first when stale: the tests that spawn `banshi` run the compiled output.
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, [fileURLToPath(new URL('../build.mjs', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'] });
  const kind = project.config.env?.BANSHI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-test-'));
  const template = await createTemplate(kind, dir);
  const { dispose: _, ...serializable } = template;
  project.provide('banshiTemplate', serializable);
  return async () => {
    await template.dispose?.();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    banshiTemplate: { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; adminUrl: string; templateName: string };
  }
}
