import crypto from 'node:crypto';
import fs from 'node:fs';
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

const hexKey = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)');

const settings = {
  PORT: {
    description: 'HTTP port',
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
  },
  HOST: {
    description: 'address to listen on',
    schema: z.string().min(1).default('0.0.0.0'),
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
    description: 'load the demo center into an empty database and show demo accounts (1 or 0)',
    schema: booleanFlag.default(true),
  },
  SESSION_SECRET: {
    description: 'secret (32+ characters) that signs session cookies; required outside demo mode',
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
  },
  SESSION_IDLE_MINUTES: {
    description: 'a staff or enterprise session ends after this many idle minutes',
    schema: positiveInt.default(30),
  },
  LOGIN_MAX_FAILURES: {
    description: 'failed logins in a row that lock an account',
    schema: positiveInt.default(5),
  },
  LOGIN_LOCK_MINUTES: {
    description: 'how long a locked account stays locked',
    schema: positiveInt.default(30),
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
    description: 'mark cookies Secure (set 1 behind HTTPS)',
    schema: booleanFlag.default(false),
  },
  PUBLIC_URL: {
    description: 'the address people open Banshi at, e.g. https://banshi.example.gov.cn (links in SMS messages)',
    schema: z.url().default('http://localhost:3000'),
  },
  COMMITMENT_VERIFICATION_DAYS: {
    description: 'working days after a decision on a commitment (告知承诺) within which the department verifies the promise',
    schema: positiveInt.max(250).default(20),
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
      'key (64 hex characters) of the HMAC-SM3 seal on every audit row; keep it outside the database; required outside demo mode (in demo mode a random key is kept in DATA_DIR/audit.key)',
    schema: hexKey.optional(),
  },
  MIGRATION_DATABASE_URL: {
    description: 'PostgreSQL connection string of the owner that runs migrations; unset: DATABASE_URL migrates too (the application still works as the role banshi_app)',
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  },
} as const;

type Settings = typeof settings;
type Raw = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export type Config = Omit<Raw, 'SESSION_SECRET' | 'PERSONAL_DATA_KEY' | 'PERSONAL_DATA_HASH_KEY' | 'AUDIT_KEY'> & {
  SESSION_SECRET: string;
  AUDIT_KEY: string;
  PERSONAL_DATA_KEY: string;
  PERSONAL_DATA_HASH_KEY: string;
  /** DATA_DIR resolved to an absolute path */
  dataDir: string;
  database: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string; migrationUrl?: string };
};

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`配置错误：环境变量 ${variable} ${detail}`);
  }
}

/** A fixed secret for demo and test runs only: outside demo mode SESSION_SECRET is required. */
const DEMO_SESSION_SECRET = 'banshi-demo-session-secret-not-for-production-use';

/**
 * Fixed personal-data keys for demo and test runs only (the demo data is encrypted with them);
 * outside demo mode both keys are required.
 */
export const DEMO_PERSONAL_DATA_KEYS = {
  PERSONAL_DATA_KEY: '44ecba7ad0eae54306cb32c702d66669365c9b96a79e9596c485bc924a983ad9',
  PERSONAL_DATA_HASH_KEY: 'd0bb9275c118208c1dd58811edb679e392fa9829ee739ca2fbf7ad7de16fc4df',
} as const;

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
  if (!values.BANSHI_DEMO && !values.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET', '未设置：关闭演示模式（BANSHI_DEMO=0）时必须提供至少 32 个字符的密钥');
  }
  for (const name of ['PERSONAL_DATA_KEY', 'PERSONAL_DATA_HASH_KEY', 'AUDIT_KEY'] as const) {
    if (!values.BANSHI_DEMO && !values[name]) {
      throw new ConfigError(name, '未设置：关闭演示模式（BANSHI_DEMO=0）时必须提供 64 位十六进制密钥（例如 openssl rand -hex 32 生成）');
    }
  }
  const personalDataKey = values.PERSONAL_DATA_KEY ?? DEMO_PERSONAL_DATA_KEYS.PERSONAL_DATA_KEY;
  const personalDataHashKey = values.PERSONAL_DATA_HASH_KEY ?? DEMO_PERSONAL_DATA_KEYS.PERSONAL_DATA_HASH_KEY;
  if (personalDataKey.toLowerCase() === personalDataHashKey.toLowerCase()) {
    throw new ConfigError('PERSONAL_DATA_HASH_KEY', '不能与 PERSONAL_DATA_KEY 相同');
  }
  const dataDir = path.resolve(values.DATA_DIR);
  return {
    ...values,
    SESSION_SECRET: values.SESSION_SECRET ?? DEMO_SESSION_SECRET,
    PERSONAL_DATA_KEY: personalDataKey,
    PERSONAL_DATA_HASH_KEY: personalDataHashKey,
    AUDIT_KEY: values.AUDIT_KEY ?? demoKeyFile(path.join(dataDir, 'audit.key')),
    dataDir,
    database: values.DATABASE_URL
      ? { kind: 'postgres', url: values.DATABASE_URL, ...(values.MIGRATION_DATABASE_URL ? { migrationUrl: values.MIGRATION_DATABASE_URL } : {}) }
      : { kind: 'pglite', dir: path.join(dataDir, 'pglite') },
  };
}

/** Demo mode's key of a data directory: random, made once, kept in a file there (mode 600). */
function demoKeyFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${crypto.randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    fs.linkSync(tmp, file); // atomic: of two processes starting at once, one key wins
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

export function describeSettings(): { name: string; description: string }[] {
  return Object.entries(settings).map(([name, s]) => ({ name, description: s.description }));
}
