import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Banshi reads, validated once at boot. Nothing else reads `process.env`.
 * Each key has a description: `banshi config` and ARCHITECTURE.md list them.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const positiveInt = z.coerce.number().int().positive();
/** RTCConfiguration.iceServers (WEBRTC_ICE_SERVERS) */
const iceServers = z.array(z.strictObject({ urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]), username: z.string().optional(), credential: z.string().optional() }));

const hexKey = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)');

const settings = {
  PORT: {
    description: 'HTTP port',
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
  },
  HOST: {
    description: 'address to listen on; unset: 127.0.0.1 in demo mode (this machine only), 0.0.0.0 otherwise',
    schema: z.string().min(1).optional(),
  },
  TRUST_PROXY: {
    description:
      'which reverse proxies may name the client address (X-Forwarded-For): unset or 0 believes none; a hop count (1, 2…); or proxy addresses/CIDRs separated by commas (127.0.0.1,10.0.0.0/8; also loopback, linklocal, uniquelocal)',
    schema: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx): false | number | string[] => {
        if (!v || ['0', 'off', 'false', 'no'].includes(v)) return false;
        if (/^\d+$/.test(v)) return Number(v);
        const list = v.split(',').map((a) => a.trim()).filter(Boolean);
        const bad = list.find((a) => !isProxyAddress(a));
        if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `"${bad}" 不是 IP 地址、CIDR 网段或跳数` });
        return list;
      }),
  },
  DATABASE_URL: {
    description: 'PostgreSQL 15+ connection string; unset selects the embedded PGlite database',
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  },
  DATA_DIR: {
    description: 'directory for the embedded database, uploaded files and backups',
    schema: z.string().min(1).default('./data'),
  },
  BANSHI_DEMO: {
    description: 'load the demo center into an empty database and show demo accounts (1 or 0); default 1 with the embedded database, 0 when DATABASE_URL is set',
    schema: booleanFlag.optional(),
  },
  BANSHI_DEMO_PUBLIC: {
    description: 'list the demo accounts on the login page for visitors from other machines too (by default only on this machine)',
    schema: booleanFlag.default(false),
  },
  SESSION_SECRET: {
    description: 'secret (32+ characters) that signs session cookies; required outside demo mode',
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
  },
  SESSION_IDLE_MINUTES: {
    description: 'a staff or enterprise session ends after this many idle minutes',
    schema: positiveInt.default(30),
  },
  SESSION_MAX_HOURS: {
    description: 'a session ends this many hours after sign-in, however active (absolute lifetime)',
    schema: positiveInt.max(720).default(12),
  },
  LOGIN_MAX_FAILURES: {
    description: 'tries of a login name before each further try must wait (1, 2, 4 … minutes)',
    schema: positiveInt.default(5),
  },
  LOGIN_LOCK_MINUTES: {
    description: 'the longest wait between tries of a login name after too many failures',
    schema: positiveInt.default(30),
  },
  REQUEST_TIMEOUT_SECONDS: {
    description: 'a client that has not sent its whole request (headers and body) within this many seconds is cut off',
    schema: positiveInt.max(3600).default(60),
  },
  HEADERS_TIMEOUT_SECONDS: {
    description: 'a client that has not sent its request headers within this many seconds is cut off',
    schema: positiveInt.max(600).default(15),
  },
  LOG_LEVEL: {
    description: 'pino log level',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
  SMS_TRANSPORT: {
    description: 'how SMS messages leave: log (written to the log with the number masked; connect a gateway by adding a transport)',
    schema: z.enum(['log']).default('log'),
  },
  COOKIE_SECURE: {
    description: 'mark cookies Secure: 1 always, 0 never; unset: when the request came over HTTPS (behind a proxy, as TRUST_PROXY lets it say)',
    schema: booleanFlag.optional(),
  },
  PUBLIC_URL: {
    description:
      'the address people open Banshi at, e.g. https://banshi.example.gov.cn (links in SMS messages); unset: http://<HOST or localhost>:<PORT>, the address the server listens on',
    schema: z.url().optional(),
  },
  COMMITMENT_VERIFICATION_DAYS: {
    description: 'working days after a decision on a commitment (告知承诺) within which the department verifies the promise',
    schema: positiveInt.max(250).default(20),
  },
  INQUIRY_TRANSFER_WORKING_DAYS: {
    description:
      'working days within which a colleague or department receives an inquiry transferred to them (首问、首办 A.1.3, A.2.3); later, the first responder is flagged to their manager. 0: the same day',
    schema: z.coerce.number().int().min(0).max(10).default(1),
  },
  WEBRTC_ICE_SERVERS: {
    description:
      'STUN/TURN servers the browsers of a video assistance session (视频辅导) use, as the JSON of RTCConfiguration.iceServers, e.g. [{"urls":"stun:stun.example.cn:3478"}]; unset: none, so two browsers on the center\'s network connect directly (host candidates) with no outside service',
    schema: z
      .string()
      .optional()
      .transform((v, ctx): { urls: string | string[]; username?: string; credential?: string }[] => {
        if (!v) return [];
        const parsed = iceServers.safeParse((() => { try { return JSON.parse(v) as unknown; } catch { return undefined; } })());
        if (!parsed.success) ctx.addIssue({ code: 'custom', message: '应为 JSON 数组，每项含 urls（字符串或字符串数组），可含 username、credential' });
        return parsed.success ? parsed.data : [];
      }),
  },
  OUTBOX_RETENTION_DAYS: {
    description: 'days a delivered outbox entry is kept before it is pruned (entries that failed for good are kept)',
    schema: positiveInt.max(3650).default(7),
  },
  EVENT_STREAMS_PER_ADDRESS: {
    description:
      'live streams (server-sent events: calling displays, evaluators) one client address may hold open without signing in, per process; more are refused with 429. Raise it when a hall\'s devices reach the server through one NAT address',
    schema: positiveInt.max(100_000).default(10),
  },
  EVENT_STREAMS_ANONYMOUS: {
    description:
      'live streams held open without signing in, from all addresses together, per process; more are refused with 429. The displays of a zone share one snapshot per event, so a process holds thousands (bench/queue: 2,000): raise it for a hall with more than 500 displays on one process',
    schema: positiveInt.max(1_000_000).default(500),
  },
  EVENT_STREAMS_SIGNED_IN: {
    description: 'live streams of signed-in users (the clerk\'s workbench) held open together, per process; a cap of their own, so anonymous clients cannot take their places',
    schema: positiveInt.max(1_000_000).default(2000),
  },
  PERSONAL_DATA_KEY: {
    description:
      'key (64 hex characters) that encrypts ID and phone numbers: the first half is the SM4 key, the second the HMAC-SM3 integrity key; required outside demo mode',
    schema: hexKey.optional(),
  },
  PERSONAL_DATA_HASH_KEY: {
    description: 'key (64 hex characters, different from PERSONAL_DATA_KEY) of the HMAC-SM3 hash that finds an ID or phone number exactly; required outside demo mode',
    schema: hexKey.optional(),
  },
  AUDIT_KEY: {
    description:
      'key (64 hex characters) of the HMAC-SM3 seal on every audit row; keep it outside the database; required outside demo mode (in demo mode a random key is kept with the other secrets in DATA_DIR/keys.json)',
    schema: hexKey.optional(),
  },
  CROSS_REGION_KEY: {
    description:
      'key (64 hex characters) of the HMAC-SHA256 signature on cross-region export packages and imported results (跨域通办), shared with the partner systems; unset: derived from AUDIT_KEY',
    schema: hexKey.optional(),
  },
  DATABASE_READ_URL: {
    description:
      'PostgreSQL connection string of a read replica (or a read-only role) that the figures endpoints read from (a pool of their own); unset: they read from DATABASE_URL. Needs DATABASE_URL',
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  },
  MIGRATION_DATABASE_URL: {
    description: 'PostgreSQL connection string of the owner that runs migrations; unset: DATABASE_URL migrates too (the application still works as the role banshi_app)',
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  },
} as const;

function isProxyAddress(value: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address, prefix, extra] = value.split('/');
  const family = net.isIP(address ?? '');
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

type Settings = typeof settings;
type Raw = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export type Config = Omit<Raw, 'HOST' | 'BANSHI_DEMO' | 'PUBLIC_URL' | 'SESSION_SECRET' | 'PERSONAL_DATA_KEY' | 'PERSONAL_DATA_HASH_KEY' | 'AUDIT_KEY'> & {
  HOST: string;
  /** HOST was not set: the demo listens on this machine only */
  hostDefaulted: boolean;
  BANSHI_DEMO: boolean;
  /** PUBLIC_URL, or the address the server listens on when unset (see `publicUrlDefaulted`) */
  PUBLIC_URL: string;
  publicUrlDefaulted: boolean;
  SESSION_SECRET: string;
  AUDIT_KEY: string;
  PERSONAL_DATA_KEY: string;
  PERSONAL_DATA_HASH_KEY: string;
  /** DATA_DIR resolved to an absolute path */
  dataDir: string;
  database: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string; migrationUrl?: string; readUrl?: string };
};

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`配置错误：环境变量 ${variable} ${detail}`);
  }
}

const SECRET_NAMES = ['SESSION_SECRET', 'PERSONAL_DATA_KEY', 'PERSONAL_DATA_HASH_KEY', 'AUDIT_KEY'] as const;
type Secrets = { [K in (typeof SECRET_NAMES)[number]]: string };

/**
 * Reads the settings. Outside demo mode every secret must be given. In demo mode a secret that is
 * not given is the data directory's own: random, made on first start and kept beside the data
 * in DATA_DIR/keys.json (mode 0600) — never a constant known to anyone else.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(settings)) {
    const value = env[name] === '' ? undefined : env[name];
    const parsed = setting.schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(name, `的值 "${value ?? ''}" 无效：${issue?.message ?? ''}`);
    }
    raw[name] = parsed.data;
  }
  const values = raw as Raw;
  // An operator who points Banshi at PostgreSQL runs it for real unless demo mode is asked for.
  const demo = values.BANSHI_DEMO ?? !values.DATABASE_URL;
  if (!demo) {
    if (!values.SESSION_SECRET) {
      throw new ConfigError('SESSION_SECRET', '未设置：非演示模式（设置了 DATABASE_URL 或 BANSHI_DEMO=0）时必须提供至少 32 个字符的密钥');
    }
    for (const name of ['PERSONAL_DATA_KEY', 'PERSONAL_DATA_HASH_KEY', 'AUDIT_KEY'] as const) {
      if (!values[name]) {
        throw new ConfigError(name, '未设置：非演示模式（设置了 DATABASE_URL 或 BANSHI_DEMO=0）时必须提供 64 位十六进制密钥（例如 openssl rand -hex 32 生成）');
      }
    }
  }
  const dataDir = path.resolve(values.DATA_DIR);
  const given = {
    SESSION_SECRET: values.SESSION_SECRET,
    PERSONAL_DATA_KEY: values.PERSONAL_DATA_KEY,
    PERSONAL_DATA_HASH_KEY: values.PERSONAL_DATA_HASH_KEY,
    AUDIT_KEY: values.AUDIT_KEY,
  };
  const secrets: Secrets = SECRET_NAMES.every((n) => given[n]) ? (given as Secrets) : { ...dataDirSecrets(dataDir), ...definedOnly(given) };
  if (secrets.PERSONAL_DATA_KEY.toLowerCase() === secrets.PERSONAL_DATA_HASH_KEY.toLowerCase()) {
    throw new ConfigError('PERSONAL_DATA_HASH_KEY', '不能与 PERSONAL_DATA_KEY 相同');
  }
  if (values.DATABASE_READ_URL && !values.DATABASE_URL) {
    throw new ConfigError('DATABASE_READ_URL', '只能与 DATABASE_URL 一起设置：嵌入式数据库（PGlite）没有只读副本');
  }
  const host = values.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0');
  return {
    ...values,
    HOST: host,
    hostDefaulted: values.HOST === undefined,
    BANSHI_DEMO: demo,
    PUBLIC_URL: values.PUBLIC_URL ?? listeningUrl(host, values.PORT),
    publicUrlDefaulted: values.PUBLIC_URL === undefined,
    ...secrets,
    dataDir,
    database: values.DATABASE_URL
      ? {
          kind: 'postgres',
          url: values.DATABASE_URL,
          ...(values.MIGRATION_DATABASE_URL ? { migrationUrl: values.MIGRATION_DATABASE_URL } : {}),
          ...(values.DATABASE_READ_URL ? { readUrl: values.DATABASE_READ_URL } : {}),
        }
      : { kind: 'pglite', dir: path.join(dataDir, 'pglite') },
  };
}

/** The address a browser on this machine (or, for a named HOST, on the network) opens. */
export function listeningUrl(host: string, port: number): string {
  const local = ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(host);
  const shown = local ? 'localhost' : net.isIPv6(host) ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

function definedOnly<T extends Record<string, string | undefined>>(values: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}

/** The demo data directory's own random secrets, made once and kept in DATA_DIR/keys.json. */
function dataDirSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'keys.json');
  const isKey = (v: unknown): v is string => typeof v === 'string' && v.length >= 32;
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
    if (SECRET_NAMES.every((n) => isKey(stored[n]))) return stored as Secrets;
    // A data directory made before the audit key existed: it gets one, the other secrets stay.
    if (SECRET_NAMES.every((n) => n === 'AUDIT_KEY' || isKey(stored[n])) && stored.AUDIT_KEY === undefined) {
      return addAuditKey(file, stored as Omit<Secrets, 'AUDIT_KEY'>);
    }
    throw new ConfigError('DATA_DIR', `中的 ${file} 内容不完整：请恢复该文件，或换一个数据目录`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (err instanceof ConfigError) throw err;
      throw new ConfigError('DATA_DIR', `中的 ${file} 无法读取：${(err as Error).message}`);
    }
  }
  const made: Secrets = {
    SESSION_SECRET: crypto.randomBytes(32).toString('base64url'),
    PERSONAL_DATA_KEY: crypto.randomBytes(32).toString('hex'),
    PERSONAL_DATA_HASH_KEY: crypto.randomBytes(32).toString('hex'),
    AUDIT_KEY: crypto.randomBytes(32).toString('hex'),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${JSON.stringify(made, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // another process made it first: use theirs
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return dataDirSecrets(dataDir);
    throw err;
  }
  return made;
}

/**
 * Adds an AUDIT_KEY to an older keys.json. The key is derived from the file's own random secrets
 * (HMAC-SHA256, one way), so that two processes upgrading the file at once write the same key;
 * it is written beside the file and renamed over it, so a reader sees the old file or the new one.
 */
function addAuditKey(file: string, stored: Omit<Secrets, 'AUDIT_KEY'>): Secrets {
  const auditKey = crypto.createHmac('sha256', `${stored.SESSION_SECRET}:${stored.PERSONAL_DATA_KEY}`).update('banshi audit key').digest('hex');
  const secrets: Secrets = { ...stored, AUDIT_KEY: auditKey };
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return secrets;
}

export function describeSettings(): { name: string; description: string }[] {
  return Object.entries(settings).map(([name, s]) => ({ name, description: s.description }));
}
