/**
 * The subjects of a 分别 stated as the topic of its sentence, one clause before it
 * (rules/model/list-respectively.ts): `东港村、石桥村、柳塘村依托特色产业，集体经济收入分别
 * 达到86万元、52万元`. Offsets are UTF-16 code units into `src.text`.
 */
import { listsData } from '../data/lists';
import type { EnumeratedList, ListItem, ListSource } from './lists';
import { newList } from './list-runs';

/** Place and body nouns an item may end with, longest first (lists.yaml place_nouns). */
const PLACE_NOUNS = [...listsData.placeNouns].sort((a, b) => b.length - a.length);
/** What an elided ordinal run may name: lists.yaml ordinal_body_nouns and place_nouns, longest first. */
const ELIDED_NOUNS = [...listsData.ordinalBodyNouns, ...listsData.placeNouns].sort((a, b) => b.length - a.length);
/** The words before 分别 in its own clause: a short noun of what the subjects have (`集体经济收入`), or none. */
const ATTRIBUTE = /^[^\d零〇一二三四五六七八九十百千两和及与同、]{0,8}$/u;
/** Whether `words` (before 分别) say what the subjects have: none, or a noun ending with lists.yaml respectively_topic_attributes. */
const isAttribute = (words: string) => words === '' || (/^\p{Script=Han}+$/u.test(words) && ATTRIBUTE.test(words) && listsData.respectivelyTopicAttributes.some((w) => words.endsWith(w)));
/** One name of the topic list: up to eight Han characters (or a redaction) before the shared noun. */
const NAME = /^[\p{Script=Han}*×XＸ]{1,8}$/u;
/** Marks that end a clause. */
const CLAUSE_MARK = /[，,；;：:。！？!?]/u;

/**
 * The 、-list of names that opens the sentence at `sentence` (an index of `lineText`) when
 * that sentence's first clause ends right before the 分别 clause at `start` (one comma between)
 * and the 分别 clause holds before 分别 (at `index`) at most a short noun of theirs. Every name
 * ends with the same place or body noun (`村`, `社区`, `党支部`: lists.yaml place_nouns), so
 * the list is the sentence's topic; the rest of its clause is what they did (`依托…`), with
 * no number and no 、. Null otherwise. `from` is the line's offset in `src.text`.
 */
export function topicSubjects(src: ListSource, lineText: string, sentence: number, start: number, index: number, from: number): EnumeratedList | null {
  if (start <= sentence + 1 || !/[，,]/u.test(lineText[start - 1]) || !isAttribute(lineText.slice(start, index).trim())) return null;
  const clause = lineText.slice(sentence, start - 1);
  // `第一、第二、第三网格党支部…`: ordinals whose shared noun only the last one writes (elided
  // heads); the ordinals are names, no numbers of the clause.
  const elided = ELIDED_ORDINALS.exec(clause);
  if (CLAUSE_MARK.test(clause) || /[\d零〇一二三四五六七八九十百千两]/u.test(elided ? clause.slice(elided[0].length) : clause)) return null;
  const parts = clause.split('、');
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1];
  if (elided) {
    for (const w of ELIDED_NOUNS) {
      const found = last.includes(w) ? elidedTopic(src, parts, w, from + sentence, from) : null;
      if (found) return found;
    }
    return null;
  }
  const noun = PLACE_NOUNS.find((w) => parts[0].endsWith(w) && parts[0].length > w.length);
  if (noun === undefined) return null;
  // The last name ends where the shared noun first stands in its part; the rest is the predicate.
  const cut = last.indexOf(noun);
  if (cut <= 0 || cut + noun.length >= last.length) return null;
  const names = [...parts.slice(0, -1), last.slice(0, cut + noun.length)];
  if (!names.every((n) => n.endsWith(noun) && NAME.test(n.slice(0, -noun.length)))) return null;
  return namesList(src, names, from + sentence, from);
}

/** `第一、第二、第三`: bare ordinals joined by 、, then the last ordinal (its noun follows). */
const ELIDED_ORDINALS = /^(?:第[一二三四五六七八九十]{1,3}、)+第[一二三四五六七八九十]{1,3}/u;

/**
 * The topic list `第一、第二、第三网格党支部…`: every part but the last a bare ordinal, the last
 * the next ordinal, a modifier of up to six Han characters and `noun`, then what they did. Each
 * ordinal names one body of that noun. `at` is the sentence's offset in `src.text`.
 */
function elidedTopic(src: ListSource, parts: string[], noun: string, at: number, from: number): EnumeratedList | null {
  const last = parts[parts.length - 1];
  const m = new RegExp(`^第[一二三四五六七八九十]{1,3}\\p{Script=Han}{0,6}?${noun}`, 'u').exec(last);
  if (!m || m[0].length >= last.length) return null;
  const names = [...parts.slice(0, -1), m[0]];
  return namesList(src, names, at, from);
}

/**
 * An inline list of `names` written one after another from `at` (an offset in `src.text`,
 * UTF-16 code units), one 、 between each two, on the line of `from`.
 */
function namesList(src: ListSource, names: string[], at: number, from: number): EnumeratedList {
  const items: ListItem[] = [];
  const separators: EnumeratedList['separators'] = [];
  for (const name of names) {
    if (items.length > 0) {
      separators.push({ start: at, end: at + 1, text: '、' });
      at += 1;
    }
    items.push({ start: at, end: at + name.length, text: name });
    at += name.length;
  }
  return newList('inline', src.lines.lineAt(from), items, { separators });
}
