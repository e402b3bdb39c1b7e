import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

type JiebaModule = { Jieba: typeof Jieba };
import dictionary from './dictionary.zh-CN.json' with { type: 'json' };

/**
 * Chinese text → search terms: NFKC normalisation (full-width → half-width), jieba segmentation
 * in search mode (long words also yield their parts), stop words dropped. The segmenter also
 * learns the dictionary's phrases, so "奶茶店" or "不干了" stay whole words.
 */

export type Dictionary = {
  stopwords: string[];
  /** words that mean the same thing; each expands to the others */
  synonyms: string[][];
  /** colloquial phrase (matched anywhere in the query) → the catalog's own words */
  phrases: Record<string, string[]>;
  /** phrases that describe a whole goal ("开一家…", "全部手续"): bundles are preferred */
  goalCues: string[];
};

export const DICTIONARY = dictionary as Dictionary;

const require = createRequire(import.meta.url);
let segmenter: Jieba | null = null;

/** The segmenter, loaded once per process (≈ 0.2 s for the default dictionary). */
export function jieba(): Jieba {
  if (!segmenter) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as JiebaModule;
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const instance = JiebaClass.withDict(dict);
    const words = new Set<string>([
      ...Object.keys(DICTIONARY.phrases),
      ...DICTIONARY.synonyms.flat(),
      ...DICTIONARY.goalCues,
    ]);
    instance.loadDict(Buffer.from([...words].filter((w) => w.length > 1).map((w) => `${w} 20000 n`).join('\n')));
    segmenter = instance;
  }
  return segmenter;
}

const STOPWORDS = new Set(DICTIONARY.stopwords);
const PUNCTUATION = /[\s\p{P}\p{S}]+/gu;

/** Lower-case, half-width, punctuation as spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(PUNCTUATION, ' ').trim();
}

/** The terms of a text, in order, repeats kept (term frequency counts). */
export function termsOf(text: string): string[] {
  const normalized = normalizeText(text);
  if (!normalized) return [];
  const out: string[] = [];
  for (const part of normalized.split(' ')) {
    for (const token of jieba().cutForSearch(part, true)) {
      const term = token.trim();
      if (term && !STOPWORDS.has(term)) out.push(term);
    }
  }
  return out;
}
