import type { GuideChange } from '../contract.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * What changed from one version of a guide to the next, field by field: scalars as before/after,
 * nested objects by their dotted paths, lists entry by entry (materials by key, members by code,
 * conditions by text). Pure, so the history view and its tests agree.
 */
export function diffGuides(before: object | null, after: object): GuideChange[] {
  if (before === null) return [];
  const changes: GuideChange[] = [];
  diffObject(before as Record<string, Json>, after as Record<string, Json>, '', changes);
  return changes;
}

function diffObject(a: Record<string, Json>, b: Record<string, Json>, prefix: string, out: GuideChange[]) {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const field = prefix ? `${prefix}.${key}` : key;
    const x = a[key] ?? null;
    const y = b[key] ?? null;
    if (Array.isArray(x) || Array.isArray(y)) diffList(Array.isArray(x) ? x : [], Array.isArray(y) ? y : [], field, out);
    else if (isObject(x) && isObject(y)) diffObject(x, y, field, out);
    else if (!sameJson(x, y)) out.push({ field, kind: 'changed', before: show(x), after: show(y) });
  }
}

function diffList(a: Json[], b: Json[], field: string, out: GuideChange[]) {
  const idA = new Map(a.map((v) => [identity(v), v]));
  const idB = new Map(b.map((v) => [identity(v), v]));
  for (const [id, v] of idA) if (!idB.has(id)) out.push({ field, kind: 'removed', entry: label(v) });
  for (const [id, v] of idB) {
    if (!idA.has(id)) out.push({ field, kind: 'added', entry: label(v) });
    else if (!sameJson(idA.get(id)!, v)) {
      const before = idA.get(id)!;
      const detail: GuideChange[] = [];
      if (isObject(before) && isObject(v)) diffObject(before, v, '', detail);
      out.push({ field, kind: 'changed', entry: label(v), subfields: [...new Set(detail.map((d) => d.field))] });
    }
  }
  if (a.length === b.length && [...idA.keys()].join('\u0000') !== [...idB.keys()].join('\u0000') && sameSet(idA, idB)) {
    out.push({ field, kind: 'changed', before: [...idA.values()].map(label).join('、'), after: [...idB.values()].map(label).join('、') });
  }
}

function identity(v: Json): string {
  if (isObject(v)) {
    for (const k of ['key', 'code', 'name', 'text']) if (typeof v[k] === 'string') return String(v[k]);
    return JSON.stringify(v);
  }
  return show(v);
}

function label(v: Json): string {
  if (isObject(v)) {
    for (const k of ['name', 'text', 'label', 'code', 'key']) if (typeof v[k] === 'string') return String(v[k]);
    return JSON.stringify(v);
  }
  return show(v);
}

function show(v: Json): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const isObject = (v: Json): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const sameSet = (a: Map<string, Json>, b: Map<string, Json>) => a.size === b.size && [...a.keys()].every((k) => b.has(k));

function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as Json[]).length && a.every((v, i) => sameJson(v, (b as Json[])[i]!));
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, Json>)[k]!, (b as Record<string, Json>)[k] ?? null));
}

export { sameJson as isSameGuide };
