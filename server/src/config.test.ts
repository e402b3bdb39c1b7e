import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeSettings, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for a trial: port 3000, ./data, demo on, embedded database', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.BANSHI_DEMO).toBe(true);
    expect(config.database.kind).toBe('pglite');
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.SESSION_IDLE_MINUTES).toBe(30);
    expect(config.LOGIN_MAX_FAILURES).toBe(5);
    expect(config.LOGIN_LOCK_MINUTES).toBe(30);
  });

  it('selects PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u@localhost:5432/banshi' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://u@localhost:5432/banshi' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['BANSHI_DEMO', 'maybe'],
    ['DATABASE_URL', 'mysql://x'],
    ['SESSION_SECRET', 'short'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['LOG_LEVEL', 'loud'],
  ])('stops on a wrong %s with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  const personalDataKeys = { PERSONAL_DATA_KEY: 'a1'.repeat(32), PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32), AUDIT_KEY: 'c3'.repeat(32) };

  it('requires a session secret outside demo mode', () => {
    expect(() => loadConfig({ BANSHI_DEMO: '0', ...personalDataKeys })).toThrow(/SESSION_SECRET/);
    const config = loadConfig({ BANSHI_DEMO: '0', SESSION_SECRET: 'x'.repeat(32), ...personalDataKeys });
    expect(config.BANSHI_DEMO).toBe(false);
  });

  it('requires both personal-data keys outside demo mode, 64 hex characters each and not the same', () => {
    const base = { BANSHI_DEMO: '0', SESSION_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(base)).toThrow(/PERSONAL_DATA_KEY/);
    expect(() => loadConfig({ ...base, PERSONAL_DATA_KEY: personalDataKeys.PERSONAL_DATA_KEY })).toThrow(/PERSONAL_DATA_HASH_KEY/);
    expect(() => loadConfig({ ...base, ...personalDataKeys, PERSONAL_DATA_KEY: 'ab'.repeat(31) })).toThrow(/PERSONAL_DATA_KEY/);
    expect(() => loadConfig({ ...base, ...personalDataKeys, PERSONAL_DATA_KEY: 'zz'.repeat(32) })).toThrow(/PERSONAL_DATA_KEY/);
    expect(() => loadConfig({ ...base, AUDIT_KEY: personalDataKeys.AUDIT_KEY, PERSONAL_DATA_KEY: 'c3'.repeat(32), PERSONAL_DATA_HASH_KEY: 'C3'.repeat(32) })).toThrow(/PERSONAL_DATA_HASH_KEY/);
    expect(loadConfig({ ...base, ...personalDataKeys })).toMatchObject(personalDataKeys);
    // demo mode has fixed demo keys, different from each other
    const demo = loadConfig({});
    expect(demo.PERSONAL_DATA_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(demo.PERSONAL_DATA_HASH_KEY).not.toBe(demo.PERSONAL_DATA_KEY);
  });

  it('requires the audit key outside demo mode; in demo mode the key is random per data directory and kept there', () => {
    const base = { BANSHI_DEMO: '0', SESSION_SECRET: 'x'.repeat(32), PERSONAL_DATA_KEY: 'a1'.repeat(32), PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32) };
    expect(() => loadConfig(base)).toThrow(/AUDIT_KEY/);
    expect(() => loadConfig({ ...base, AUDIT_KEY: 'xyz' })).toThrow(/AUDIT_KEY/);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-config-'));
    try {
      const one = loadConfig({ DATA_DIR: path.join(tmp, 'one') }).AUDIT_KEY;
      const two = loadConfig({ DATA_DIR: path.join(tmp, 'two') }).AUDIT_KEY;
      expect(one).toMatch(/^[0-9a-f]{64}$/);
      expect(two).not.toBe(one);
      expect(loadConfig({ DATA_DIR: path.join(tmp, 'one') }).AUDIT_KEY).toBe(one);
      expect(fs.statSync(path.join(tmp, 'one', 'audit.key')).mode & 0o077).toBe(0);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('accepts every valid port and refuses every invalid one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 200_000 }), (port) => {
        const valid = port >= 0 && port <= 65535;
        if (valid) expect(loadConfig({ PORT: String(port) }).PORT).toBe(port);
        else expect(() => loadConfig({ PORT: String(port) })).toThrow(/PORT/);
      }),
    );
  });

  it('never accepts an arbitrary string as a boolean flag unless it is one of the spellings', () => {
    const spellings = ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'];
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (value) => {
        if (spellings.includes(value)) expect(typeof loadConfig({ BANSHI_DEMO: value, SESSION_SECRET: 's'.repeat(32), PERSONAL_DATA_KEY: 'a1'.repeat(32), PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32) }).BANSHI_DEMO).toBe('boolean');
        else expect(() => loadConfig({ BANSHI_DEMO: value })).toThrow(/BANSHI_DEMO/);
      }),
    );
  });

  it('describes every setting', () => {
    for (const s of describeSettings()) expect(s.description.length).toBeGreaterThan(5);
  });
});
