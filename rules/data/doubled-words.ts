/**
 * Words right written twice in a row (研究研究, 雪白雪白, 欢迎欢迎), parsed once from
 * rules/data/doubled-words.yaml (bundled by esbuild). Read by the doubled-word check of
 * `duplicate-char` (rules/wording/duplicate-word.ts). The loader checks the data and throws
 * on a mistake, naming the file and group.
 */
import { type DataSource, dataOf } from './yaml-data';
import doubledWordsText from './doubled-words.yaml';

/**
 * Where a listed word is right doubled: `verb` and `state` anywhere (商量商量, 哗啦哗啦);
 * `compound` (noun and verb: 服务) only at a clause's start, where no noun phrase can end at
 * the first copy (以志愿服务|服务群众); `exclamation` only where the pair ends the clause (不错不错。).
 */
export type DoubledWordKind = 'verb' | 'state' | 'compound' | 'exclamation';

const FILE = 'rules/data/doubled-words.yaml';
const KINDS: readonly DoubledWordKind[] = ['verb', 'state', 'compound', 'exclamation'];

/**
 * Parses and checks the doubled-word data.
 *
 * @param source the YAML text (or data) of rules/data/doubled-words.yaml
 * @returns each listed word (2–4 Han characters) with its kind
 * @throws Error naming the file and group when a group lacks its source or a valid kind,
 *   or a word is not 2–4 Han characters
 */
export function loadDoubledWords(source: DataSource): ReadonlyMap<string, DoubledWordKind> {
  const raw = dataOf(source) as { groups?: unknown };
  if (!Array.isArray(raw?.groups)) throw new Error(`${FILE}: "groups" must be a list`);
  const out = new Map<string, DoubledWordKind>();
  raw.groups.forEach((g: { source?: unknown; kind?: unknown; items?: unknown }, i: number) => {
    if (typeof g?.source !== 'string' || g.source.trim() === '') throw new Error(`${FILE}: groups[${i}] needs a source`);
    if (!KINDS.includes(g.kind as DoubledWordKind)) throw new Error(`${FILE}: groups[${i}].kind must be one of ${KINDS.join(', ')}`);
    if (!Array.isArray(g.items)) throw new Error(`${FILE}: groups[${i}].items must be a list`);
    for (const w of g.items) {
      if (typeof w !== 'string' || !/^\p{Script=Han}{2,4}$/u.test(w)) throw new Error(`${FILE}: groups[${i}]: word ${JSON.stringify(w)} must be 2–4 Han characters`);
      out.set(w, g.kind as DoubledWordKind);
    }
  });
  return out;
}

/** The words right doubled, with their kind (rules/data/doubled-words.yaml). */
export const doubledWords: ReadonlyMap<string, DoubledWordKind> = loadDoubledWords(doubledWordsText);
