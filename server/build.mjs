#!/usr/bin/env node
// Compiles the server to one JavaScript file, server/dist/banshi.mjs, with esbuild: our own
// TypeScript is bundled, every package (native ones included: @node-rs/*, pglite's wasm, pdfkit's
// fonts) stays external and is loaded from node_modules as usual.
//
//   node server/build.mjs          builds when missing or older than server/src (the launcher does this too)
//   node server/build.mjs --force  builds again
//
// Plain JavaScript on purpose: it runs before anything is compiled.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVER_ROOT = path.dirname(fileURLToPath(import.meta.url));
const SOURCES = path.join(SERVER_ROOT, 'src');
const DIST = path.join(SERVER_ROOT, 'dist');
export const SERVER_ENTRY = path.join(DIST, 'banshi.mjs');

/** Newest modification time of what the build reads: the sources (not tests), this script, the package file. */
function sourcesChangedAt() {
  let newest = Math.max(fs.statSync(fileURLToPath(import.meta.url)).mtimeMs, fs.statSync(path.join(SERVER_ROOT, 'package.json')).mtimeMs);
  for (const entry of fs.readdirSync(SOURCES, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function isServerBuildStale() {
  let builtAt;
  try {
    builtAt = fs.statSync(SERVER_ENTRY).mtimeMs;
  } catch {
    return true;
  }
  return builtAt < sourcesChangedAt();
}

/**
 * `import.meta.url` in a bundled file still means the file it was written in: the paths computed
 * from it (migrations, web/dist, data files next to the code, packages resolved with createRequire)
 * resolve from the compiled output exactly as from the sources.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      let contents = await fs.promises.readFile(args.path, 'utf8');
      if (contents.includes('import.meta.url')) {
        const relative = path.relative(DIST, args.path).split(path.sep).join('/');
        contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

/** Builds server/dist/banshi.mjs (and its source map); written under a temporary name, then renamed, so concurrent builds never leave half a file. */
export async function buildServer() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(SOURCES, 'cli', 'main.ts')],
    outfile: SERVER_ENTRY,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [sourceUrls],
    write: false,
  });
  fs.mkdirSync(DIST, { recursive: true });
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  // the map first: a reader that sees the new bundle finds its map
  const files = [...result.outputFiles].sort((a, b) => Number(a.path.endsWith('.mjs')) - Number(b.path.endsWith('.mjs')));
  for (const file of files) {
    fs.writeFileSync(file.path + suffix, file.contents);
    fs.renameSync(file.path + suffix, file.path);
  }
  return SERVER_ENTRY;
}

/** The compiled entry, built first when missing or stale. */
export async function ensureServerBuild() {
  if (isServerBuildStale()) await buildServer();
  return SERVER_ENTRY;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const started = performance.now();
  if (process.argv.includes('--force') || isServerBuildStale()) {
    await buildServer();
    console.log(`server/dist/banshi.mjs built in ${Math.round(performance.now() - started)} ms`);
  } else console.log('server/dist/banshi.mjs is up to date');
}
