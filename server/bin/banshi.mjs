#!/usr/bin/env node
// The `banshi` command: runs the compiled server (server/dist/banshi.mjs), compiling it first when
// it is missing or older than the sources (about a second; `npm install` already compiles it).
import { ensureServerBuild } from '../build.mjs';

await import(await ensureServerBuild());
