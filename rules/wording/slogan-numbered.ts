/**
 * A numbered formulation with another number where the noun or the field it belongs to
 * stands beside it, for `slogan-canonical`: `统筹推进“四位一体”总体布局` (五位一体 is the
 * 总体布局), `养老金融四篇大文章` (金融 has five 大文章). The data (rules/data/numbered-heads.yaml)
 * gives each formulation its counter (位一体, 篇大文章) and what makes the name the
 * formulation: a head right after it (总体布局), a field word earlier in its sentence (金融),
 * or, for a short name with neither, a verb right before it, quoted or not (牢记“四个务必”,
 * 严格落实两会一课), or quotation marks around a name that no count of the writer's own shares
 * (`“两会一课”记录不完整`, data `quoted_names`). A head may stand
 * inside the marks (“四级书记抓乡村振兴”); the counted things listed right before the number
 * (县乡村三级书记抓乡村振兴, data `items`) are a subset of the writer's own.
 * Without that the same words are a count of the writer's own (`“四位一体”工作机制`, a county's
 * `“山水林田”四篇大文章`). Quiet in a sentence telling the formulation's history (the entry's
 * `history` words: 十七大提出“四位一体”总体布局) or scaling it down (`scaled_in_sentence`:
 * 联合支部落实“两会一课”), for one or two 大文章 after a field (a
 * unit's own pick of them: 做好科技金融这篇大文章), in opaque text and inside the project
 * dictionary's phrases. Found by the counter (indexOf): linear in the text.
 * Offsets are UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { type NumberedHead, numberedHeads } from '../data/numbered-heads';
import { insidePhrase } from '../model/dictionary';

const NUMERALS = '一二两三四五六七八九十';
/** Counts of one or two: a field's pick of its parts (这篇/两篇大文章), not the set misnumbered. */
const FEW = '一两二';
const SENTENCE_END = '。！？；\n';

/**
 * Adds to `problems` each numbered formulation of `report` written with another number
 * where its head or field names it (message `count`, fixed by the formulation's own number;
 * data `formulation` names the entry), unless it overlaps a problem already there, lies in
 * opaque text or inside `quiet`. Whether a word elsewhere excuses it is `excusedByReport`'s.
 */
export function misnumberedHeads(report: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  for (const entry of numberedHeads) {
    const { text } = report;
    // A report whose body makes a smaller count right (不设支部委员会: 两会一课) is left alone:
    // words anywhere in the report, so `excusedByReport` drops such problems on the whole
    // report (the rule's document pass), as this reads only the edited block after a keystroke.
    for (let at = text.indexOf(entry.counter); at !== -1; at = text.indexOf(entry.counter, at + 1)) {
      const found = misnumbered(report, entry, at, quiet);
      if (found === null || problems.some((q) => q.start < found.end && found.start < q.end)) continue;
      problems.push(found);
    }
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/** The problem for the counter of `entry` at `at`, or null when it is no misnumbered formulation. */
function misnumbered({ text, opaque }: Report, entry: NumberedHead, at: number, quiet: readonly string[] | null): Problem | null {
  const n = text[at - 1];
  if (n === undefined || !NUMERALS.includes(n) || n === entry.numeral || entry.also.includes(n)) return null;
  // 第 or another numeral before it: an ordinal or a longer number (十五位…), no count of the set.
  const prev = text[at - 2] ?? '';
  if (prev === '第' || NUMERALS.includes(prev)) return null;
  const open = prev === '“' ? at - 2 : at - 1;
  let end = at + entry.counter.length;
  const close = text[end] === '”' ? end + 1 : end;
  // The name quoted with its head (“四级书记抓乡村振兴”): the closing mark after the head.
  const wholeQuoted = prev === '“' && close === end && entry.head !== '' && text.startsWith(entry.head, end) && text[end + entry.head.length] === '”';
  if (!wholeQuoted && (prev === '“') !== (close > end)) return null;
  // The counted things named one by one before the number (县乡村三级书记): the writer's own
  // subset, counted right.
  if (entry.items !== '' && open > 0 && entry.items.includes(text[open - 1])) return null;
  const sentenceStart = lastIndexOfAny(text, SENTENCE_END, open) + 1;
  if (entry.head !== '') {
    if (!text.startsWith(entry.head, close)) return null;
    end = close + entry.head.length;
  } else if (entry.field === '') {
    // A short name alone (“四个务必”): right after a verb that puts it to work, quoted or
    // bare (`严格落实两会一课`: a count of the writer's own is no name a verb puts to work),
    // or, for a name no count of the writer's own shares (data `quoted_names`), quoted
    // anywhere (`“两会一课”记录不完整`); `开展“三下基层”志愿服务` may be the writer's own.
    if (!(prev === '“' && entry.quotedNames) && !entry.verbs.some((v) => text.startsWith(v, open - v.length))) return null;
    // The finding is the name inside its quotation marks (the message quotes it).
    end = prev === '“' ? close - 1 : close;
  } else {
    if (FEW.includes(n) || !text.slice(sentenceStart, open).includes(entry.field)) return null;
    end = close;
  }
  const sentenceEnd = indexOfAny(text, SENTENCE_END, end);
  const sentence = text.slice(sentenceStart, sentenceEnd === -1 ? text.length : sentenceEnd);
  if (entry.history.some((w) => sentence.includes(w)) || entry.scaledInSentence.some((w) => sentence.includes(w))) return null;
  // The name quoted whole is found inside its marks (the message quotes it).
  const start = entry.head !== '' && !wholeQuoted ? open : entry.field !== '' ? fieldStart(text, open, entry.field) : at - 1;
  if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) return null;
  const expected = entry.head === '' ? entry.canonical : entry.bare ? entry.canonical + entry.head : `“${entry.canonical}”${entry.head}`;
  const problem: Problem = { messageId: 'count', data: { found: text.slice(start, end), expected, source: entry.source, word: n, formulation: entry.canonical }, start, end };
  // After a list of the field's parts (科技金融、…养老金融四篇大文章) the number agrees with the
  // list: a part is missing, which no fix of the number restores. Fixed only when the name
  // stands alone (金融“四篇大文章”, 统筹推进“四位一体”总体布局).
  if (entry.field === '' || !text.slice(lastIndexOfAny(text, '，：' + SENTENCE_END, open) + 1, open).includes('、')) {
    problem.fix = { start: at - 1, end: at, text: entry.numeral };
  }
  return problem;
}

/**
 * Where the finding of a field's formulation starts: the field word right before the name
 * (金融“四篇大文章”), or the name alone when the field stands further off (…养老金融四篇大文章
 * after a list: the list is the writer's, the count is the slip).
 */
function fieldStart(text: string, open: number, field: string): number {
  return text.startsWith(field, open - field.length) ? open - field.length : open;
}

/** The last index before `before` of any character of `chars` in `text`, or -1. */
function lastIndexOfAny(text: string, chars: string, before: number): number {
  for (let k = before - 1; k >= 0; k--) if (chars.includes(text[k])) return k;
  return -1;
}

/** The first index from `from` of any character of `chars` in `text`, or -1. */
function indexOfAny(text: string, chars: string, from: number): number {
  for (let k = from; k < text.length; k++) if (chars.includes(text[k])) return k;
  return -1;
}

/**
 * Whether `problem`, a `count` problem of `misnumberedHeads`, is excused by a word anywhere in
 * `report` that makes its smaller count right (data `scaled_by`: 不设支部委员会 for 两会一课).
 * Read on the whole report after the block path (slogan-canonical's `checkDocument`).
 */
export function excusedByReport(report: Report, problem: Problem): boolean {
  const formulation = problem.data?.formulation;
  if (problem.messageId !== 'count' || formulation === undefined) return false;
  const entry = numberedHeads.find((e) => e.canonical === formulation);
  return entry !== undefined && entry.scaledBy.some((w) => report.text.includes(w));
}
