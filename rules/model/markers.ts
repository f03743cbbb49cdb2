/**
 * Structural numbers (结构层次序数) of GB/T 9704-2012 7.3.3 — `一、` > `（一）` > `1.` >
 * `（1）` — and the ordinal items `一是…二是…` of report prose.
 *
 * The recognisers accept the common wrong forms too (`一.`, `(一)`, `（一）、`, `五）`, `1、`,
 * `2，`, `(1)`), marking them non-standard with the canonical text, so `numbering-style` can
 * fix them and the section tree still sees the level the writer meant.
 */
import { CHINESE_DIGITS, chineseNumeralValue, toChineseNumeral } from './numerals';

export type MarkerLevel = 1 | 2 | 3 | 4;

/** One structural number at the head of a line. Offsets are UTF-16, `end` exclusive. */
export interface StructuralMarker {
  level: MarkerLevel;
  /** The ordinal it states: `三、` → 3. */
  value: number;
  start: number;
  end: number;
  /** The marker as written, e.g. `(一)`. */
  text: string;
  /** The GB/T 9704 form of the same ordinal, e.g. `（一）`. */
  canonical: string;
  /** Whether `text` is an accepted form of its level. */
  standard: boolean;
}

/** The canonical marker of `level` for ordinal `value`, per GB/T 9704-2012 7.3.3. */
export function canonicalMarker(level: MarkerLevel, value: number): string {
  switch (level) {
    case 1:
      return `${toChineseNumeral(value)}、`;
    case 2:
      return `（${toChineseNumeral(value)}）`;
    case 3:
      return `${value}.`;
    case 4:
      return `（${value}）`;
  }
}

/** The level's shape for messages and hover: `一、`, `（一）`, `1.`, `（1）`. */
export const LEVEL_SHAPES: Record<MarkerLevel, string> = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' };

const CN = `[${CHINESE_DIGITS}]{1,3}`;
// Sticky, so they match exactly at the line head the caller found.
const BRACKETED = new RegExp(`[（(][ \\t]*(${CN}|\\d{1,2})[ \\t]*[）)]([、.．，,]?)`, 'y');
const CHINESE_DOT = new RegExp(`(${CN})([、.．])`, 'y');
// `五）`: a Chinese numeral with only the closing bracket, a `（五）` that lost its opening one.
const CLOSING_ONLY = new RegExp(`(${CN})[）)]`, 'y');
// `四，存在问题`, `四 存在问题`, `四：…`: a top-level number with the wrong mark or none.
// Taken only before a short heading-like title (see `looseTitleOk`).
const CHINESE_LOOSE = new RegExp(`(${CN})(?:[，,：:]|[ \\t\u3000]+)`, 'y');
const MAX_LOOSE_TITLE = 30;
// `1.` / `1．` / `1、`, not a decimal (`1.3亿`) nor a date (`7.1`), at most two digits so
// years (`2023.`) are never taken for ordinals.
const ARABIC_DOT = /(\d{1,2})([.．、])(?![\d.．])/y;
// `2，党内生活形式单一…`, `2,…`: an Arabic number with a comma at the line head, then Han text,
// is a miswritten `2.`: prose never opens a line with a bare number and a comma (`2,000人`
// has a digit after it). Read as a level-3 number, not standard.
const ARABIC_LOOSE = /(\d{1,2})[，,](?=[\u4e00-\u9fff])/y;

/**
 * Recognises a structural marker starting exactly at `offset` of `text`.
 * @returns the marker, or null where the text there is not one
 */
export function matchMarker(text: string, offset: number): StructuralMarker | null {
  // Every marker starts with a bracket or a digit: most lines are rejected here.
  const first = text[offset];
  if (first === undefined || !(first === '（' || first === '(' || (first >= '0' && first <= '9') || CHINESE_DIGITS.includes(first))) return null;
  BRACKETED.lastIndex = offset;
  let m = BRACKETED.exec(text);
  if (m) {
    const arabic = /\d/.test(m[1]);
    const value = arabic ? Number(m[1]) : chineseNumeralValue(m[1]);
    if (value > 0) {
      const level: MarkerLevel = arabic ? 4 : 2;
      const canonical = canonicalMarker(level, value);
      const written = m[0];
      return { level, value, start: offset, end: offset + written.length, text: written, canonical, standard: written === canonical };
    }
  }
  // `五）严格监督管理`: a level-2 number whose opening bracket was lost (pasted drafts), before
  // a title's Han character.
  CLOSING_ONLY.lastIndex = offset;
  m = CLOSING_ONLY.exec(text);
  if (m) {
    const value = chineseNumeralValue(m[1]);
    const next = text.charCodeAt(offset + m[0].length);
    if (value > 0 && next >= 0x4e00 && next <= 0x9fff && !CHINESE_DIGITS.includes(text[offset + m[0].length])) {
      return { level: 2, value, start: offset, end: offset + m[0].length, text: m[0], canonical: canonicalMarker(2, value), standard: false };
    }
  }
  CHINESE_DOT.lastIndex = offset;
  m = CHINESE_DOT.exec(text);
  if (m && m[2] === '、' && numeralSeries(text, offset + m[0].length, chineseNumeralValue(m[1]))) return null;
  if (m) {
    const value = chineseNumeralValue(m[1]);
    if (value > 0) {
      const canonical = canonicalMarker(1, value);
      return { level: 1, value, start: offset, end: offset + m[0].length, text: m[0], canonical, standard: m[2] === '、' && m[1] === toChineseNumeral(value) };
    }
  }
  CHINESE_LOOSE.lastIndex = offset;
  m = CHINESE_LOOSE.exec(text);
  if (m && looseTitleOk(text, offset + m[0].length)) {
    const value = chineseNumeralValue(m[1]);
    if (value > 0) return { level: 1, value, start: offset, end: offset + m[0].length, text: m[0], canonical: canonicalMarker(1, value), standard: false };
  }
  ARABIC_DOT.lastIndex = offset;
  m = ARABIC_DOT.exec(text);
  if (m) {
    const value = Number(m[1]);
    if (value > 0 && !m[1].startsWith('0')) {
      // `1．` (full-width full stop) is common in typeset 公文 and reads the same: accepted.
      return { level: 3, value, start: offset, end: offset + m[0].length, text: m[0], canonical: m[2] === '．' ? m[0] : `${value}.`, standard: m[2] !== '、' };
    }
  }
  ARABIC_LOOSE.lastIndex = offset;
  m = ARABIC_LOOSE.exec(text);
  if (m && !m[1].startsWith('0')) return { level: 3, value: Number(m[1]), start: offset, end: offset + m[0].length, text: m[0], canonical: `${m[1]}.`, standard: false };
  return null;
}

/**
 * Numerals in a series (`一、二、三号楼`, `二、三季度，…`, `一、二年级分别…`): a count of
 * buildings, quarters or grades, not a structural number (GB/T 9704-2012 7.3.3 numbers a
 * level with one numeral and 、, then the title's words). Read at `at`, just past the first
 * numeral's 、 (whose value is `first`):
 *
 * - another numeral with its 、 (`一、二、三号楼`): a title never starts with `二、`;
 * - the next numeral (`first + 1`) right before a building's, a quarter's, a grade's or a
 *   month's word (号楼, 栋, 单元, 季度, 年级, 月份 …), and the line's first clause closed by a
 *   comma, not by a full stop or a colon, nor left open: `二、三季度，全镇…` is prose, where
 *   `三、四季度工作打算` and `三、四季度工作打算。一是…` stay headings (a third-quarter
 *   report's section on the fourth); a first sentence longer than any title (over 30
 *   characters, `一、二年级合并的…党小组分别获评…。`) is prose too. Not before words that open titles as counts
 *   (`二、三级联动，织密服务网络`, `三、四类人员…`: 级, 类, 批, 期, 轮 …).
 */
function numeralSeries(text: string, at: number, first: number): boolean {
  NUMERAL_AFTER.lastIndex = at;
  const m = NUMERAL_AFTER.exec(text);
  if (!m) return false;
  if (m[2] === '、') return true;
  if (m[3] === undefined || chineseNumeralValue(m[1]) !== first + 1) return false;
  for (let k = at + m[0].length; k < text.length; k++) {
    const c = text[k];
    // A sentence longer than any title (`一、二年级合并的…党小组分别获评…。`) is prose too.
    if (c === '\n' || c === '\r' || c === '。' || c === '：' || c === ':' || c === '；') return k - at > MAX_LOOSE_TITLE && c !== '：' && c !== ':';
    if (c === '，' || c === ',') return true;
  }
  return text.length - at > MAX_LOOSE_TITLE;
}
// A numeral after a numeral's 、: followed by its own 、, or by a building's, quarter's, grade's or month's word.
const NUMERAL_AFTER = new RegExp(`([${CHINESE_DIGITS}]{1,2})(?:(、)|(号楼|号|楼|栋|幢|单元|季度|年级|月份|月))`, 'y');

/**
 * Whether the rest of the line from `at` reads as a heading's title, so that a numeral with
 * a comma, colon or space after it (`四，存在问题`) is a miswritten `四、` and not prose
 * (`一，是…`, `一 二 三`): 2–30 characters, starting with a Han character that is neither a
 * numeral nor 是, and not ending with a clause or sentence mark.
 */
function looseTitleOk(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  if (!(first >= 0x4e00 && first <= 0x9fff) || CHINESE_DIGITS.includes(text[at]) || text[at] === '是') return false;
  let end = at;
  // Up to the line end or a trailing HTML comment (`<!-- … -->`, not the title's words).
  while (end < text.length && end - at <= MAX_LOOSE_TITLE && text[end] !== '\n' && text[end] !== '\r' && !text.startsWith('<!--', end)) end++;
  while (end > at && /[ \t#*]/.test(text[end - 1])) end--;
  const length = end - at;
  if (length < 2 || length > MAX_LOOSE_TITLE) return false;
  return !'。；，,：:！？!?;'.includes(text[end - 1]);
}

const HEAD = /(?:[ \t\u3000\u00a0]+|#{1,6}[ \t]+|##[A-Za-z0-9_-]+##|\*{1,2}(?=\S)|_{1,2}(?=\S))/y;
/** First code units HEAD can match: most lines start with none of them. */
const HEAD_FIRST = new Set([' ', '\t', '\u3000', '\u00a0', '#', '*', '_']);

/**
 * Where a line's content starts: past indentation (including the full-width space), an ATX
 * heading's `#`s, a bold/emphasis opener, and scraping residue such as `##paidbegin##`,
 * which pasted drafts carry and which must not hide the number behind it.
 *
 * @param lineStart offset of the line in `text`
 * @param lineEnd offset just past the line's last character
 */
export function lineHead(text: string, lineStart: number, lineEnd: number): number {
  let at = lineStart;
  for (;;) {
    if (!HEAD_FIRST.has(text[at])) return at;
    HEAD.lastIndex = at;
    const m = HEAD.exec(text);
    if (!m || HEAD.lastIndex > lineEnd || m[0].length === 0) return at;
    at = HEAD.lastIndex;
  }
}

/** An ordinal item `一是` / `二是` (or `一要` / `二要`) … inside prose. */
export interface OrdinalMarker {
  value: number;
  /** Offsets of `X是` / `X要`. */
  start: number;
  end: number;
  text: string;
}

// `X是` counts as an item only at a clause boundary, so `统一是`, `唯一是`, `不二是` never do.
const BOUNDARY = /[。；;！？!?：:，,\s*）)]/;
/**
 * The word after the numeral: 是, or 要 in a list of requirements (`提出三点要求：一要…；二要…；
 * 三要…`), which writers also mix (`一要…二要…三是…`, one run). Nouns that begin with 要
 * (`三要素`, `二要件`) are no item.
 */
const ITEM_WORDS = '是要';
const NOT_AFTER_YAO = '素件点求务';
/**
 * Characters that make a word with the 一 after them (统一, 唯一, 同一, 第一, 之一, 万一…):
 * `统一是…` is that word and 是, never a run-in 一是.
 */
const WORD_BEFORE_YI = '统唯同第之万单合划专归不如逐均纯其初惟任';

/**
 * Finds the ordinal items in `text[from, to)`. The boundary before `X是` is the segment's
 * start or a clause-ending mark (。；：，！？ and their ASCII forms); a 一是 written right
 * after the noun that announces the run (存在的主要问题一是…；二是…, probe13 p16) counts
 * when the next item is 二是 (`runInOpener`).
 *
 * Works back from each 是 or 要 (rare next to a numeral) rather than running a pattern that
 * starts with the boundary, which would be tried at every character of the report.
 */
export function findOrdinals(text: string, from: number, to: number): OrdinalMarker[] {
  const found: OrdinalMarker[] = [];
  // Searched within the segment: an indexOf on `text` could run on past `to` for every line.
  const segment = text.slice(from, to);
  let yao = false;
  // 要 items read as a noun (`三要务实…`): kept if the 要-run before reaches them (below).
  let nounLike: OrdinalMarker[] | null = null;
  // 一是 right after a noun, no mark between: an item only if the run goes on (below).
  let runIn: OrdinalMarker[] | null = null;
  for (const word of ITEM_WORDS) {
    for (let w = segment.indexOf(word); w !== -1; w = segment.indexOf(word, w + 1)) {
      const guarded = word === '要' && NOT_AFTER_YAO.indexOf(segment[w + 1]) !== -1;
      // One to three numerals right before the word, and a boundary (or the segment start) before them.
      let digits = w;
      while (digits > 0 && w - digits < 3 && CHINESE_DIGITS.includes(segment[digits - 1])) digits--;
      if (digits === w) continue;
      if (digits > 0 && !BOUNDARY.test(segment[digits - 1]) && !afterLineHeadNumber(segment, digits)) {
        // 存在的主要问题一是…；二是…: a run's 一是 run into the noun that announces it.
        if (word === '是' && digits === w - 1 && segment[digits] === '一' && runInOpener(segment, digits)) {
          (runIn ??= []).push({ value: 1, start: from + digits, end: from + w + 1, text: '一是' });
        }
        continue;
      }
      const numeral = segment.slice(digits, w);
      const value = chineseNumeralValue(numeral);
      if (value === 0 || value > 30) continue;
      const marker = { value, start: from + digits, end: from + w + 1, text: `${numeral}${word}` };
      if (guarded) (nounLike ??= []).push(marker);
      else found.push(marker);
      if (word === '要') yao = true;
    }
  }
  // In a run 一要…二要… the next numeral's 要 is an item whatever follows it (`三要务实作风`).
  if (nounLike) for (const m of nounLike) if (yaoRunReaches(found, m)) found.push(m);
  // In text order (the 要 items were appended after the 是 ones); rare, so sorted only then.
  if (yao) found.sort((a, b) => a.start - b.start);
  if (runIn) {
    // A run-in 一是 opens the run when the next item after it is 二是 (这类问题一是…，二是…):
    // then it is the run's first item, not a word such as 问题一 (问题一是…，问题二是…).
    for (const m of runIn) {
      const next = found.find((f) => f.start > m.start);
      if (next && next.value === 2 && next.text === '二是') found.push(m);
    }
    found.sort((a, b) => a.start - b.start);
  }
  const verbs = verbOrdinals(segment, from);
  if (verbs.length === 0) return found;
  return found.concat(verbs).sort((a, b) => a.start - b.start);
}

/**
 * Whether `segment[0, at)` ends with a line-head number `N、` (a line break, then digits and
 * 、): a chunk number a site put in mid-sentence, left in a body that joins the lines it cuts
 * (rules/model/cut-lines.ts). An ordinal right after it stands at a clause's head.
 */
function afterLineHeadNumber(segment: string, at: number): boolean {
  if (segment[at - 1] !== '、') return false;
  let k = at - 2;
  while (k >= 0 && segment.charCodeAt(k) >= 0x30 && segment.charCodeAt(k) <= 0x39) k--;
  return k < at - 2 && k >= 0 && segment[k] === '\n';
}

/**
 * Whether the 一 at `at` in `segment`, with 是 after it and no clause mark before it, may
 * open a run written into the words before it (存在的主要问题一是…): after a Han character
 * that does not make a word with 一 (统一, 第一, 之一: `WORD_BEFORE_YI`), and not a numeral.
 */
function runInOpener(segment: string, at: number): boolean {
  const code = segment.charCodeAt(at - 1);
  return code >= 0x4e00 && code <= 0x9fff && WORD_BEFORE_YI.indexOf(segment[at - 1]) === -1;
}

/**
 * Whether the 要 items in `found` run 一要, 二要… up to the numeral before `m`, each before
 * the next and all before `m`: then `m` (a 要 followed by 素/件/点/求/务) continues the run.
 */
function yaoRunReaches(found: readonly OrdinalMarker[], m: OrdinalMarker): boolean {
  let at = -1;
  for (let v = 1; v < m.value; v++) {
    const prev = found.find((f) => f.value === v && f.text.endsWith('要') && f.start > at && f.start < m.start);
    if (!prev) return false;
    at = prev.start;
  }
  return m.value > 1;
}

/** Longest item (code units) of a `一抓…二抓…` run before its next numeral: a long paragraph's worth. */
const MAX_VERB_ITEM = 800;

/**
 * Words that follow 一/二/三 at a clause start as a name or a time, not as the repeated
 * verb of a run: 一季度…二季度, 一组…二组, 一月份, 一号楼, 一线, 一次, 一个.
 */
const NOT_RUN_VERBS = '是要季月年号组村班队期批级类线楼层届区次天周社片轮个名位条件种点场日人户家些份方';

/**
 * The items of a run that repeats one verb after its numerals, without 是: `一抓学习，…；
 * 二抓组织，…；三抓作风…` (X is 抓 here; 一强…二强…, 一建…二建… alike). Read only as a run
 * that starts at 一 and goes on with 二, 三… in order, each at a clause boundary with the same
 * word after it, at least two items: a lone `一抓` is no list.
 */
function verbOrdinals(segment: string, from: number): OrdinalMarker[] {
  const out: OrdinalMarker[] = [];
  for (let p = segment.indexOf('一'); p !== -1; p = segment.indexOf('一', p + 1)) {
    if (p > 0 && !BOUNDARY.test(segment[p - 1])) continue;
    const verb = segment[p + 1];
    const code = segment.charCodeAt(p + 1);
    if (!(code >= 0x4e00 && code <= 0x9fff) || CHINESE_DIGITS.includes(verb) || NOT_RUN_VERBS.includes(verb)) continue;
    const run: OrdinalMarker[] = [{ value: 1, start: from + p, end: from + p + 2, text: `一${verb}` }];
    let at = p + 2;
    for (let v = 2; v <= 9; v++) {
      const word = `${CHINESE_DIGITS[v - 1]}${verb}`;
      // The next item within MAX_VERB_ITEM of this one: searching the rest of the segment for
      // every 一X made a long line of them quadratic (a 200 KB line took seconds).
      const window = segment.slice(0, Math.min(segment.length, at + MAX_VERB_ITEM));
      let next = window.indexOf(word, at);
      while (next !== -1 && !BOUNDARY.test(segment[next - 1])) next = window.indexOf(word, next + 1);
      if (next === -1) break;
      run.push({ value: v, start: from + next, end: from + next + 2, text: word });
      at = next + 2;
    }
    if (run.length >= 2) {
      out.push(...run);
      p = at - 1;
    }
  }
  return out;
}
