import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, describeSettings, loadConfig as loadConfigFrom } from './config.ts';

// Demo mode keeps its secrets beside the data: every load here gets a throwaway data directory.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-config-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const loadConfig = (env: Record<string, string>) => loadConfigFrom({ DATA_DIR: path.join(tmp, 'data'), ...env });
const secrets = { SESSION_SECRET: 's'.repeat(32), PERSONAL_DATA_KEY: 'a1'.repeat(32), PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32), AUDIT_KEY: 'c3'.repeat(32) };

describe('configuration', () => {
  it('has working defaults for a trial: port 3000, ./data, demo on, embedded database', () => {
    const config = loadConfigFrom({ ...secrets });
    expect(config.PORT).toBe(3000);
    expect(config.BANSHI_DEMO).toBe(true);
    expect(config.database.kind).toBe('pglite');
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.SESSION_IDLE_MINUTES).toBe(30);
    expect(config.LOGIN_MAX_FAILURES).toBe(5);
    expect(config.LOGIN_LOCK_MINUTES).toBe(30);
  });

  it('selects PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u@localhost:5432/banshi', ...secrets });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://u@localhost:5432/banshi' });
  });

  it('gives the figures a read replica only with DATABASE_READ_URL, and only beside DATABASE_URL', () => {
    const primary = 'postgres://banshi@db/banshi';
    expect(loadConfig({ ...secrets, DATABASE_URL: primary }).database).toEqual({ kind: 'postgres', url: primary });
    const withReplica = loadConfig({ ...secrets, DATABASE_URL: primary, DATABASE_READ_URL: 'postgresql://reader@replica/banshi' });
    expect(withReplica.database).toEqual({ kind: 'postgres', url: primary, readUrl: 'postgresql://reader@replica/banshi' });
    expect(() => loadConfig({ ...secrets, DATABASE_READ_URL: 'postgresql://reader@replica/banshi' })).toThrow(/DATABASE_READ_URL.*DATABASE_URL/);
    expect(() => loadConfig({ ...secrets, DATABASE_URL: primary, DATABASE_READ_URL: 'mysql://replica' })).toThrow(ConfigError);
  });

  it('gives a video call no ICE server unless WEBRTC_ICE_SERVERS names them (a call on the center\'s network needs none)', () => {
    expect(loadConfig({ ...secrets }).WEBRTC_ICE_SERVERS).toEqual([]);
    const servers = [{ urls: 'stun:stun.example.cn:3478' }, { urls: ['turn:turn.example.cn:3478'], username: 'u', credential: 'p' }];
    expect(loadConfig({ ...secrets, WEBRTC_ICE_SERVERS: JSON.stringify(servers) }).WEBRTC_ICE_SERVERS).toEqual(servers);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['BANSHI_DEMO', 'maybe'],
    ['DATABASE_URL', 'mysql://x'],
    ['SESSION_SECRET', 'short'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['LOG_LEVEL', 'loud'],
    ['WEBRTC_ICE_SERVERS', 'stun:stun.example.cn'],
    ['WEBRTC_ICE_SERVERS', '[{"url":"stun:stun.example.cn"}]'],
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
  });

  it('in demo mode, secrets not given are the data directory\'s own: random, kept in keys.json (0600), never shared', () => {
    const dirA = path.join(tmp, 'a');
    const demo = loadConfigFrom({ DATA_DIR: dirA });
    expect(demo.PERSONAL_DATA_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(demo.PERSONAL_DATA_HASH_KEY).not.toBe(demo.PERSONAL_DATA_KEY);
    expect(demo.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dirA, 'keys.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // the same directory keeps its keys across starts; another directory gets others
    expect(loadConfigFrom({ DATA_DIR: dirA })).toMatchObject({ PERSONAL_DATA_KEY: demo.PERSONAL_DATA_KEY, SESSION_SECRET: demo.SESSION_SECRET });
    const other = loadConfigFrom({ DATA_DIR: path.join(tmp, 'b') });
    expect(other.PERSONAL_DATA_KEY).not.toBe(demo.PERSONAL_DATA_KEY);
    expect(other.SESSION_SECRET).not.toBe(demo.SESSION_SECRET);
    // no published constant in the source
    const source = fs.readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/['"][0-9a-f]{64}['"]/i);
    // a secret given wins over the stored one
    expect(loadConfigFrom({ DATA_DIR: dirA, PERSONAL_DATA_KEY: 'c3'.repeat(32) }).PERSONAL_DATA_KEY).toBe('c3'.repeat(32));
  });

  it('with DATABASE_URL set, demo mode is off unless asked for, and nothing falls back to a constant', () => {
    const url = { DATABASE_URL: 'postgresql://u@localhost:5432/banshi' };
    expect(() => loadConfig(url)).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ ...url, SESSION_SECRET: 'x'.repeat(32) })).toThrow(/PERSONAL_DATA_KEY/);
    expect(loadConfig({ ...url, ...secrets }).BANSHI_DEMO).toBe(false);
    expect(loadConfig({ ...url, BANSHI_DEMO: '1' }).BANSHI_DEMO).toBe(true);
  });

  it('the demo listens on this machine only unless HOST is set; otherwise on every interface', () => {
    expect(loadConfig({})).toMatchObject({ HOST: '127.0.0.1', hostDefaulted: true });
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ HOST: '0.0.0.0', hostDefaulted: false });
    expect(loadConfig({ BANSHI_DEMO: '0', ...secrets })).toMatchObject({ HOST: '0.0.0.0' });
  });

  it('the public URL follows the address the server listens on unless PUBLIC_URL is set', () => {
    expect(loadConfig({ PORT: '3111' }).PUBLIC_URL).toBe('http://localhost:3111');
    expect(loadConfig({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080', HOST: '192.168.1.20' }).PUBLIC_URL).toBe('http://192.168.1.20:8080');
    expect(loadConfig({ PORT: '8080', HOST: 'fd00::5' }).PUBLIC_URL).toBe('http://[fd00::5]:8080');
    expect(loadConfig({ PORT: '3111', PUBLIC_URL: 'https://banshi.example.gov.cn' })).toMatchObject({ PUBLIC_URL: 'https://banshi.example.gov.cn', publicUrlDefaulted: false });
  });

  it('believes X-Forwarded-For from no proxy by default; TRUST_PROXY names proxies or a hop count', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,loopback,fd00::/8' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8', 'loopback', 'fd00::/8']);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/2']) expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });

  it('requires the audit key outside demo mode; in demo mode the key is random per data directory and kept in keys.json', () => {
    const base = { BANSHI_DEMO: '0', SESSION_SECRET: 'x'.repeat(32), PERSONAL_DATA_KEY: 'a1'.repeat(32), PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32) };
    expect(() => loadConfig(base)).toThrow(/AUDIT_KEY/);
    expect(() => loadConfig({ ...base, AUDIT_KEY: 'xyz' })).toThrow(/AUDIT_KEY/);
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://u@localhost:5432/banshi', ...base, BANSHI_DEMO: '' })).toThrow(/AUDIT_KEY/);
    const one = loadConfigFrom({ DATA_DIR: path.join(tmp, 'audit-one') }).AUDIT_KEY;
    const two = loadConfigFrom({ DATA_DIR: path.join(tmp, 'audit-two') }).AUDIT_KEY;
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(two).not.toBe(one);
    expect(loadConfigFrom({ DATA_DIR: path.join(tmp, 'audit-one') }).AUDIT_KEY).toBe(one);
    const file = path.join(tmp, 'audit-one', 'keys.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).AUDIT_KEY).toBe(one);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('gives a keys.json made before the audit key one, keeping its other secrets', () => {
    const dir = path.join(tmp, 'older');
    fs.mkdirSync(dir, { recursive: true });
    const older = { SESSION_SECRET: 'o'.repeat(43), PERSONAL_DATA_KEY: 'd4'.repeat(32), PERSONAL_DATA_HASH_KEY: 'e5'.repeat(32) };
    fs.writeFileSync(path.join(dir, 'keys.json'), JSON.stringify(older), { mode: 0o600 });
    const config = loadConfigFrom({ DATA_DIR: dir });
    expect(config).toMatchObject(older);
    expect(config.AUDIT_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfigFrom({ DATA_DIR: dir }).AUDIT_KEY).toBe(config.AUDIT_KEY);
    expect(fs.statSync(path.join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
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
        if (spellings.includes(value)) expect(typeof loadConfig({ BANSHI_DEMO: value, ...secrets }).BANSHI_DEMO).toBe('boolean');
        else expect(() => loadConfig({ BANSHI_DEMO: value })).toThrow(/BANSHI_DEMO/);
      }),
    );
  });

  it('describes every setting', () => {
    for (const s of describeSettings()) expect(s.description.length).toBeGreaterThan(5);
  });
});
