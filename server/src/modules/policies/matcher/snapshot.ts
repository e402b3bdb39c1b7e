import fs from 'node:fs';
import { wordsFor } from './bitset.ts';
import { Columns } from './columns.ts';

/**
 * The columns as one binary file (a JSON header, then each typed array's bytes): a process can
 * load millions of enterprises in a second instead of reading them row by row. Keys (USCCs) are
 * written when the columns have them.
 */
type Header = {
  slots: number;
  capacity: number;
  dictionaries: { industry: string[]; district: string[]; town: string[] };
  tags: string[];
  licenses: string[];
  keys: boolean;
};

function arraysOf(c: Columns, tags: string[], licenses: string[]): ArrayBufferView[] {
  return [
    c.live,
    c.industry.ids,
    c.district.ids,
    c.town.ids,
    c.size,
    c.registered,
    c.employees,
    c.revenue,
    c.assets,
    ...c.sizeBits,
    c.badCredit,
    ...tags.map((t) => c.tagBits.get(t)!),
    ...licenses.map((l) => c.licenseBits.get(l)!),
  ];
}

export function writeSnapshot(c: Columns, file: string): void {
  const tags = [...c.tagBits.keys()];
  const licenses = [...c.licenseBits.keys()];
  const keys = c.keys.length > 0;
  const header: Header = {
    slots: c.slots,
    capacity: c.capacity,
    dictionaries: { industry: c.industry.dict.values, district: c.district.dict.values, town: c.town.dict.values },
    tags,
    licenses,
    keys,
  };
  const fd = fs.openSync(file, 'w');
  try {
    const json = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    fs.writeSync(fd, length);
    fs.writeSync(fd, json);
    for (const a of arraysOf(c, tags, licenses)) writeAll(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    if (keys) writeAll(fd, Buffer.from(c.keys.slice(0, c.slots).map((k) => k ?? '').join('\n')));
  } finally {
    fs.closeSync(fd);
  }
}

export function readSnapshot(file: string): Columns {
  const fd = fs.openSync(file, 'r');
  try {
    const length = Buffer.alloc(4);
    fs.readSync(fd, length);
    const json = Buffer.alloc(length.readUInt32LE());
    fs.readSync(fd, json);
    const h = JSON.parse(json.toString()) as Header;
    const c = new Columns(h.capacity);
    c.slots = h.slots;
    for (const v of h.dictionaries.industry) c.industry.dict.id(v);
    for (const v of h.dictionaries.district) c.district.dict.id(v);
    for (const v of h.dictionaries.town) c.town.dict.id(v);
    const words = wordsFor(h.capacity);
    for (const t of h.tags) c.tagBits.set(t, new Uint32Array(words));
    for (const l of h.licenses) c.licenseBits.set(l, new Uint32Array(words));
    for (const a of arraysOf(c, h.tags, h.licenses)) readAll(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    if (h.keys) {
      const rest: Buffer[] = [];
      const chunk = Buffer.alloc(1 << 20);
      for (let n; (n = fs.readSync(fd, chunk)) > 0; ) rest.push(Buffer.from(chunk.subarray(0, n)));
      Buffer.concat(rest)
        .toString()
        .split('\n')
        .forEach((k, slot) => {
          c.keys[slot] = k;
          c.slotOf.set(k, slot);
        });
    }
    return c;
  } finally {
    fs.closeSync(fd);
  }
}

const CHUNK = 1 << 26;

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, Math.min(CHUNK, bytes.length - at));
}

function readAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) {
    const n = fs.readSync(fd, bytes, at, Math.min(CHUNK, bytes.length - at), null);
    if (n === 0) throw new Error('snapshot ends early');
    at += n;
  }
}

