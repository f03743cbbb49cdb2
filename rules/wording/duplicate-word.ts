/**
 * The doubled-word check of duplicate-char (rules/wording/duplicate-char.ts): a word of
 * two to four characters typed twice in a row by an editing slip (`按期按期办理`,
 * `要进一步进一步压实`, `持续加强加强`) → one copy.
 *
 * Chinese writes some words twice on purpose, and two words can meet on a repeated
 * string. A repeat is left alone where:
 *
 * - the word is listed in rules/data/doubled-words.yaml: a verb doubled to mean "try, a
 *   little" (研究研究, 商量商量, 了解了解), an adjective of state or a sound (雪白雪白,
 *   哗啦哗啦), a noun that is also a verb after Han text (以志愿服务|服务群众: the noun
 *   phrase, then the verb), or — only where the pair ends the clause — an exclamation
 *   (欢迎欢迎！);
 * - the word is a verb with 着 (听着听着, 说着说着: "while listening…", always doubled);
 * - the word starts with 一, 两 or 几 (一次一次, 一步一步, 两个两个: a numeral and a
 *   measure word, doubled for "one after another"), or is all numerals (一九一九);
 * - a longer word ends at the first copy or starts at the second: the copies belong to two
 *   different words (党组织|组织|党员: the noun, then the verb; 找工作|工作台;
 *   人大代表|代表|人民; 研究|研究生);
 * - the word comes three or more times (emphasis), or is one character repeated (谢谢谢谢,
 *   left to duplicate-char's reading of runs);
 * - the repeat is no known word (common-word list or ICU), or the runtime lacks ICU's
 *   Chinese dictionary (then no word boundary is certain).
 *
 * Offsets are UTF-16 code units. The text is scanned once, comparing each Han code unit
 * with the ones 2, 3 and 4 places on; only where a whole word's length matches is a line
 * read.
 */
import { doubledWords } from '../data/doubled-words';
import type { LineTable } from '../model/lines';
import { isHanCode } from '../model/script';
import { chineseSegmenter } from '../model/segmenter';
import { known } from './duplicate-words';

/** A word typed twice: its first copy starts at `start` (into the text); each copy is `length` code units. */
export interface DoubledWord {
  start: number;
  length: number;
}

/** The lengths (characters) of the words looked for: 按期 … 实事求是. */
const SHORTEST = 2;
const LONGEST = 4;

/** First characters that make the word a numeral with a measure word (一次, 两个, 几年). */
const NUMERAL_FIRST = new Set(['一', '两', '几']);
const NUMERALS = /^[〇零一二三四五六七八九十百千万亿两]+$/u;

/**
 * Whether s[from, to) lies inside `s` and holds Han characters of the BMP only.
 */
function hanRun(s: string, from: number, to: number): boolean {
  if (from < 0 || to > s.length) return false;
  for (let k = from; k < to; k++) if (!isHanCode(s.charCodeAt(k))) return false;
  return true;
}

/**
 * Whether a word longer than `k` characters (up to 4) ends at offset `last` of `s` and
 * starts before `last - k + 1`, or (`starting`) starts at `first` and ends past `first + k`.
 */
function longerWordAt(s: string, first: number, k: number, starting: boolean): boolean {
  for (let n = k + 1; n <= LONGEST; n++) {
    const from = starting ? first : first + k - n;
    if (hanRun(s, from, from + n) && known(s.slice(from, from + n))) return true;
  }
  return false;
}

/**
 * Whether the `k` characters at offset `i` of line `s`, written again right after, are a
 * word typed twice by mistake (see the module's comment for what is left alone).
 *
 * @param s one line of the report
 * @param i UTF-16 offset of the first copy in `s`
 * @param k length of each copy (2–4 code units, all Han of the BMP)
 */
export function doubledWordAt(s: string, i: number, k: number): boolean {
  if (!hanRun(s, i, i + 2 * k)) return false;
  const word = s.slice(i, i + k);
  if (s.slice(i + k, i + 2 * k) !== word) return false;
  if ([...word].every((c) => c === word[0])) return false;
  if (NUMERAL_FIRST.has(word[0]) || NUMERALS.test(word)) return false;
  // V着V着 (听着听着, 走着走着): an action going on when the next one comes, always doubled.
  if (k === 2 && word[1] === '着') return false;
  // Three copies or more: emphasis or a list of sounds, not one slip.
  if ((i >= k && s.startsWith(word, i - k)) || s.startsWith(word, i + 2 * k)) return false;
  const kind = doubledWords.get(word);
  if (kind === 'verb' || kind === 'state') return false;
  if (kind === 'exclamation' && !isHanCode(s.charCodeAt(i + 2 * k))) return false;
  if (kind === 'compound' && isHanCode(s.charCodeAt(i - 1))) return false;
  if (chineseSegmenter() === null || !known(word)) return false;
  // Two words meeting on the repeat: 党组织|组织, 组织|组织学.
  return !longerWordAt(s, i, k, false) && !longerWordAt(s, i + k, k, true);
}

/**
 * The words typed twice in `text` (see `doubledWordAt`), in text order. One pass compares
 * each Han code unit with the one `k` places on (k = 2–4), counting how many in a row
 * match; where that count reaches `k` a word may be written twice and its line is read
 * (past `k`, at each offset on: ABABAB is read, and left alone, as three copies).
 *
 * @param text the whole report
 * @param lines the report's line table (the check reads one line at a time)
 */
export function doubledWordsIn(text: string, lines: LineTable): DoubledWord[] {
  const found: DoubledWord[] = [];
  const run = [0, 0, 0, 0, 0];
  for (let j = 0; j < text.length; j++) {
    const code = text.charCodeAt(j);
    const han = code >= 0x2e80;
    for (let k = SHORTEST; k <= LONGEST; k++) {
      run[k] = han && code === text.charCodeAt(j + k) ? run[k] + 1 : 0;
      if (run[k] < k) continue;
      const start = j - k + 1;
      const line = lines.lineAt(start);
      const from = lines.start(line);
      if (doubledWordAt(lines.lineText(line), start - from, k)) found.push({ start, length: k });
    }
  }
  return found;
}
