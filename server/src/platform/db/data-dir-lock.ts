import fs from 'node:fs';
import os from 'node:os';

/**
 * The embedded database's one-process lock: a file beside the data directory naming its owner
 * (process id and the machine's boot id). An owner that is gone — its process has ended, or the
 * machine has restarted since — leaves a lock that the next opener takes over at once, so the
 * database opens right after a kill -9 or a power cut.
 */

export type LockOwner = { pid: number; bootId: string; startedAt: string };

export class LockHeldError extends Error {
  constructor(readonly owner: LockOwner | null) {
    super('data directory lock held');
  }
}

let cachedBootId: string | undefined;
/** Linux: the kernel's boot id; elsewhere, the boot time to the minute. */
export function bootId(): string {
  if (cachedBootId) return cachedBootId;
  try {
    cachedBootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    cachedBootId = `boot-${Math.round((Date.now() - os.uptime() * 1000) / 60_000)}`;
  }
  return cachedBootId;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null | 'missing' {
  try {
    const stat = fs.statSync(file);
    // a directory is the lock of an earlier version (proper-lockfile): its owner refreshed it every 5 s
    if (stat.isDirectory()) return Date.now() - stat.mtimeMs > 15_000 ? null : { pid: -1, bootId: bootId(), startedAt: stat.mtime.toISOString() };
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.bootId === 'string' ? (owner as LockOwner) : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return null; // unreadable or half-written: no owner can be named
  }
}

function ownerIsGone(owner: LockOwner | null): boolean {
  if (!owner) return true;
  if (owner.pid === -1) return false;
  return owner.bootId !== bootId() || !isAlive(owner.pid);
}

/** Takes the lock or throws LockHeldError naming its living owner; returns the release. */
export function acquireLock(file: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    const me: LockOwner = { pid: process.pid, bootId: bootId(), startedAt: new Date().toISOString() };
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      return () => {
        const owner = readOwner(file);
        if (owner !== 'missing' && owner?.pid === me.pid && owner.startedAt === me.startedAt) fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(file);
    if (owner === 'missing') continue;
    if (!ownerIsGone(owner)) throw new LockHeldError(owner);
    // the owner is gone: take over (a rename is atomic, so two takers cannot both remove a fresh lock)
    const aside = `${file}.stale-${process.pid}-${attempt}`;
    try {
      fs.renameSync(file, aside);
      fs.rmSync(aside, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new LockHeldError(null);
}
