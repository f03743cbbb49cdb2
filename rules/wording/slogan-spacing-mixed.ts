/**
 * A series of parallel parts that no entry of rules/data/slogans.yaml holds, joined by 顿号
 * with one or more of them replaced by a space or a comma (`“爱国、敬业、诚信 友善”`,
 * `围绕兜底线、织密网，建机制的要求`), for `slogan-spacing`: the data-bound check
 * (slogan-spacing-series.ts) reads only the listed series, and a writer quotes many more.
 * GB/T 15834-2011 4.5.3.1 sets 顿号 between parallel words; one part set off by another mark
 * inside a series of one shape is a slip, not a style.
 *
 * Read: three to eight parts of the same length (2–4 Han characters: the parallel shape
 * that tells a series from a clause), each joined to the next by 、, a full-width comma or
 * one to three spaces, at least one 、 and at least one other mark, where the series is one
 * phrase:
 * - a space: the series fills a quotation (“…”), ends before 的, or follows a frame word;
 * - a comma: the series follows a frame word (围绕, 按照…: a preposition or verb whose object
 *   runs to 的 + its head, `围绕A、B，C的要求`), quoted or not, and ends before 的 or 等. A comma
 *   elsewhere may end a clause (`重业务、轻党建，抓党建的精力不足`: the next clause's subject
 *   opens after it), so it is read only inside such a frame.
 * Quiet: marks that split the series into equal groups (`交流工作、交流经验，相互学习、相互
 * 借鉴`, `学思想、强党性 重实践、建新功` outside the data: pairs of pairs set off on purpose,
 * unless a quoted one is the object of 以…为 or of a frame word, `以“A、B C、D”为主线`, or
 * runs into the noun it names, `“A、B C、D”发展思路`);
 * parts of different lengths; a series whose last part runs on into Han text (a name after
 * titles: `书记、馆长 周晓岚`); 的同时 (a clause of its own); opaque text. The fix writes 、 at
 * every junction. Offsets are UTF-16 code units.
 */
import { placeholders } from '../data/index';
import type { Report } from '../model/report';
import type { Problem } from '../types';

/** Words whose object is a noun phrase running to 的 and its head: the series inside is one phrase. */
const FRAME_WORDS = ['围绕', '按照', '遵循', '依照', '根据', '对照', '紧扣', '聚焦', '本着', '秉持', '秉承', '落实', '贯彻', '践行'];
/**
 * Part lengths read (Han characters). Parts of five or six (`网格化管理、精细化服务 信息化支撑`)
 * only where the series fills a quotation (`fillsQuotation`): unquoted, runs of such length
 * are as often clauses as parts.
 */
const PART_LENGTHS = [2, 3, 4, 5, 6];
const LONG_PART = 5;
const MAX_JUNCTIONS = 7;

const JUNCTION = /、|，|[ \u3000]{1,3}/gu;
const HAN = /\p{Script=Han}/u;

/**
 * The findings (message `mixedSeries`, severity warning) for each series of `report` read as
 * described above, each with a fix that joins every part by 、. `skip` holds [start, end)
 * pairs already reported (by the data-bound check): a series overlapping one is left out.
 */
export function mixedParallelSeries({ text, opaque }: Report, skip: readonly { start: number; end: number }[]): Problem[] {
  if (!text.includes('、')) return [];
  const problems: Problem[] = [];
  const taken: [number, number][] = [];
  // Only around a space or a comma between Han characters with a 、 one part away is a
  // series searched for: most text holds 、 and commas, few such junctions.
  OTHER.lastIndex = 0;
  for (let j = OTHER.exec(text); j !== null; j = OTHER.exec(text)) {
    const at = j.index;
    const after = at + j[0].length;
    if (!isHanAt(text, at - 1) || !isHanAt(text, after)) continue;
    for (const n of PART_LENGTHS) {
      if (text[at - n - 1] !== '、' && text[after + n] !== '、') continue;
      const series = seriesAround(text, at, after, n);
      if (series === null) continue;
      const { start, end, marks } = series;
      if (n >= LONG_PART && !fillsQuotation(text, start, end)) continue;
      const other = marks.filter((x) => x !== '、');
      if (!marks.includes('、') || (evenGroups(marks) && setOffOnPurpose(text, start, end, marks, other)) || !oneSeries(text, start, end, other, marks) || opaque.overlaps(start, end)) continue;
      if (skip.some((p) => p.start < end && start < p.end) || taken.some(([x, y]) => x < end && start < y)) continue;
      taken.push([start, end]);
      const found = text.slice(start, end);
      const fixed = found.replace(JUNCTION, '、');
      const comma = other.every((x) => x === '，');
      const space = other.every((x) => x.trim() === '');
      const sep = comma ? { zh: '逗号', en: 'a comma' } : space ? { zh: '空格', en: 'a space' } : { zh: '逗号和空格', en: 'commas and spaces' };
      problems.push({
        messageId: 'mixedSeries',
        data: { found, fixed, sep: sep.zh, sepEn: sep.en },
        start,
        end,
        fix: { start, end, text: fixed },
        severity: 'warning',
      });
    }
  }
  return problems.sort((x, y) => x.start - y.start);
}

/** A space run or a full-width comma: the junctions that may stand in for a 、. */
const OTHER = /[ \u3000]{1,3}|，/g;

/** One series: where it starts and ends, and the marks between its parts in order. */
interface Series {
  start: number;
  end: number;
  marks: string[];
}

/**
 * The series of parts of `n` Han characters holding the junction `text[at, after)`, read
 * outwards part by part (at most MAX_JUNCTIONS junctions, each 、, ， or one to three
 * spaces), or null. No part opens on 等 (`A、B、C 等活动`: 等 closes the series). Its last part must end before 的, 等 or a character that is not Han (the
 * parts of a longer run would be words cut apart): a last part running on is dropped, as
 * long as the junction at `at` stays inside. Needs at least two junctions.
 */
function seriesAround(text: string, at: number, after: number, n: number): Series | null {
  if (text[after] === '等' || !hanRun(text, at - n, at) || !hanRun(text, after, after + n)) return null;
  const marks = [text.slice(at, after)];
  let start = at - n;
  while (marks.length < MAX_JUNCTIONS) {
    const mark = markEndingAt(text, start);
    if (mark === 0 || !hanRun(text, start - mark - n, start - mark)) break;
    marks.unshift(text.slice(start - mark, start));
    start -= mark + n;
  }
  let end = after + n;
  let lastMarkAt = at;
  while (marks.length < MAX_JUNCTIONS) {
    const mark = markStartingAt(text, end);
    // 等 (等等) after a junction closes the series, it is no part of it (`A、B、C 等活动`):
    // reading `等活动` as a part would put a 顿号 before 等 in the fix.
    if (mark === 0 || text[end + mark] === '等' || !hanRun(text, end + mark, end + mark + n)) break;
    marks.push(text.slice(end, end + mark));
    lastMarkAt = end;
    end += mark + n;
  }
  if (isHanAt(text, end) && text[end] !== '的' && text[end] !== '等' && !yiWeiFrame(text, start, end)) {
    // The last part runs on: drop it, unless it is the one right after `at`.
    if (lastMarkAt === at) return null;
    end = lastMarkAt;
    marks.pop();
  }
  return marks.length >= 2 ? { start, end, marks } : null;
}

/** The length of a junction mark (、, ， or one to three spaces) ending right before `i`, or 0. */
function markEndingAt(text: string, i: number): number {
  const c = text[i - 1];
  if (c === '、' || c === '，') return 1;
  let k = 0;
  while (k < 3 && (text[i - 1 - k] === ' ' || text[i - 1 - k] === '\u3000')) k++;
  return k;
}

/** The length of a junction mark (、, ， or one to three spaces) starting at `i`, or 0. */
function markStartingAt(text: string, i: number): number {
  const c = text[i];
  if (c === '、' || c === '，') return 1;
  let k = 0;
  while (k < 3 && (text[i + k] === ' ' || text[i + k] === '\u3000')) k++;
  return k;
}

/** Whether text[from, to) lies inside the text and holds Han characters of the BMP only. */
function hanRun(text: string, from: number, to: number): boolean {
  if (from < 0 || to > text.length) return false;
  for (let k = from; k < to; k++) if (!isHanAt(text, k)) return false;
  return true;
}

/** Whether the code unit at `i` of `text` is a Han character of the BMP. */
function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** Whether the marks other than 、 split the series into groups of equal size (pairs of pairs). */
function evenGroups(marks: readonly string[]): boolean {
  const sizes: number[] = [];
  let size = 1;
  for (const mark of marks) {
    if (mark === '、') size++;
    else {
      sizes.push(size);
      size = 1;
    }
  }
  sizes.push(size);
  return sizes.every((s) => s === sizes[0]);
}

/**
 * Whether marks splitting a series into equal groups (evenGroups) set them off on purpose:
 * a comma (`交流工作、交流经验，相互学习、相互借鉴`, two clauses of pairs), or a space inside
 * a quoted slogan (`“学思想、强党性 重实践、建新功”`, the slogan's own layout), unless the
 * groups hold three parts or more and every part opens on one character (`“有场所、有设施、
 * 有标志 有党旗、有书报、有制度”`: one list). A space in
 * running text (`同谋划、同部署 同推进、同考核。`, `以党建引领、产业兴村 人才强村、治理安村为
 * 思路`) is no mark of Chinese prose (GB/T 15834-2011 has none such): a 顿号 lost there.
 */
function setOffOnPurpose(text: string, start: number, end: number, marks: readonly string[], other: readonly string[]): boolean {
  if (other.some((s) => s === '，')) return !listedMembers(text, start, end);
  // Groups of three or more parts all opening on one character (有场所、有设施、有标志 有党旗、
  // 有书报、有制度): one flat list of a single kind, a 顿号 lost. Pairs of pairs stay a layout
  // (a banner's “同研究、同安排 同督办、同验收”, set in two halves).
  if ((marks.length + 1) / (other.length + 1) >= 3 && sameOpening(text.slice(start, end).split(JUNCTION))) return false;
  // A quoted slogan put to work in a sentence (以“抓党建、强安全 保供应、优服务”为主线,
  // 围绕“…”目标任务): the sentence reads it as one phrase, the object of 以…为 or of a
  // frame word, where a banner's two halves are shown as written (写着“…”, “…”的标语).
  if (text[start - 1] === '“' && (yiWeiFrame(text, start, end) || FRAME_WORDS.some((w) => text.startsWith(w, start - 1 - w.length)))) return false;
  // A quoted slogan run into the word it names (`“政治建院、质量立院 人才兴院、文化强院”发展思路`,
  // `“…”工作法`): the quotation modifies a noun of the sentence, one phrase of running text,
  // where a banner's layout is shown as written (`写着“…”十二个字`, `“…”的横幅`).
  if (text[start - 1] === '“' && text[end] === '”' && namesItsHead(text, end + 1)) return false;
  // Inside a quotation: the last quotation mark before the series on its line opens one.
  // (Read back to the line's start only, so a long text without quotes costs no rescans.)
  for (let k = start - 1; k >= 0 && text[k] !== '\n'; k--) {
    if (text[k] === '“') return true;
    if (text[k] === '”') return false;
  }
  return false;
}

/** Words after a quotation that show it as displayed or counted (a banner's layout kept): `“…”十二个字`, `“…”横幅`. */
const DISPLAY_AFTER = /^(?:[一二三四五六七八九十两几]|标语|横幅|字样|展板|海报|牌匾|条幅|宣传|口号|大字|字)/u;

/**
 * Whether a Han word other than 的 follows a closing quotation at `i` and is no word of
 * display or counting (DISPLAY_AFTER): the quoted series then modifies that word.
 */
function namesItsHead(text: string, i: number): boolean {
  return isHanAt(text, i) && text[i] !== '的' && !DISPLAY_AFTER.test(text.slice(i, i + 2));
}

/**
 * Whether three or more `parts` of one length all hold the same character at one place
 * (听党话, 感党恩, 跟党走: 党 second): parts of one mould, a series by their shape. Not
 * where every part opens on a surname (张晓明 李晓红、王晓东: names, a space may set off).
 */
function oneMould(parts: readonly string[]): boolean {
  if (parts.length < 3 || parts.some((p) => p.length !== parts[0].length)) return false;
  if (parts.every((p) => placeholders.surnames.includes(p[0]))) return false;
  for (let k = 0; k < parts[0].length; k++) if (parts.every((p) => p[k] === parts[0][k])) return true;
  return false;
}

/** Words after which a series spells out the members of a list just named (“四无粮仓”，即无虫害…). */
const MEMBERS_LEAD = ['即', '做到', '实现', '达到'];

/**
 * Whether the series `text[start, end)` spells out the members of one list: four or more
 * parts all opening on one character (无虫害、无变质，无鼠雀、无事故), right after 即 or a verb
 * of attainment (MEMBERS_LEAD) or a frame word, ending where a clause does. A comma among
 * them is a 顿号 lost, not two clauses of pairs (GB/T 15834-2011 4.5.3.1).
 */
function listedMembers(text: string, start: number, end: number): boolean {
  const parts = text.slice(start, end).split(JUNCTION);
  if (parts.length < 4 || !sameOpening(parts) || !CLAUSE_ENDS.includes(text[end] ?? '')) return false;
  return [...MEMBERS_LEAD, ...FRAME_WORDS].some((w) => text.startsWith(w, start - w.length));
}

/** Whether all `parts` open on the same character (有场所, 有设施…): the anaphora of one enumeration. */
function sameOpening(parts: readonly string[]): boolean {
  return parts.length > 1 && parts.every((p) => p[0] === parts[0][0]);
}

/**
 * Whether the series `text[start, end)` stands in the frame 以…为 (`以党建引领、产业兴村、
 * 人才强村为思路`): the object of 以 runs to 为, so 为 closes the series as 的 does.
 */
function yiWeiFrame(text: string, start: number, end: number): boolean {
  const open = text[start - 1] === '“' ? start - 1 : start;
  const close = text[end] === '”' ? end + 1 : end;
  return text[open - 1] === '以' && text[close] === '为';
}

const CLAUSE_ENDS = '。，；：！？';

/**
 * Whether a series whose marks other than 、 are all spaces, in running text (not quoted),
 * ends where a clause does (。，；：！？), so its last part is whole and the spaces stand
 * between its parts: at least two 顿号 mark it as a series (`同谋划、同部署 同推进、同考核。`).
 */
function spacedInProse(text: string, start: number, end: number, marks: readonly string[]): boolean {
  if (end >= text.length || !CLAUSE_ENDS.includes(text[end])) return false;
  // One 顿号 is enough where the parts are cast in one mould (听党话 感党恩、跟党走: 党 in
  // the middle of each), which marks them as one series as well as a second 顿号 does.
  if (marks.filter((x) => x === '、').length < 2 && !oneMould(text.slice(start, end).split(JUNCTION))) return false;
  // A space after a post's title sets off the holder's name (`党委副书记、董事长、总经理 张建国，`):
  // a list of titles, then a person, not a series with a lost 顿号.
  return !TITLE_BEFORE_SPACE.test(text.slice(start, end));
}

/** A post's title right before a space and a Han character: the space sets a name off. */
const TITLE_BEFORE_SPACE = /(?:长|书记|经理|主任|委员|会计|主席|总监|干事|秘书|出纳|专员)[ \u3000]+\p{Script=Han}/u;

/**
 * Whether the series `text[start, end)`, whose marks other than 、 are `other`, reads as one
 * phrase (see the module comment): quoted whole, framed, or closed by 的.
 */
function oneSeries(text: string, start: number, end: number, other: readonly string[], marks: readonly string[]): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  const yiWei = yiWeiFrame(text, start, end);
  // The last part must end where the series does (not run on into a name or a clause).
  if (HAN.test(after) && after !== '的' && after !== '等' && !yiWei) return false;
  // 的 closes the series as a modifier: `兜底线、织密网，建机制的要求`.
  const closedByDe = after === '的' && !text.startsWith('的同时', end);
  const quoted = before === '“' && after === '”';
  const open = before === '“' ? start - 1 : start;
  const framed = FRAME_WORDS.some((w) => text.startsWith(w, open - w.length));
  const deAfterQuote = after === '”' && text[end + 1] === '的';
  // Inside a frame 等 closes the list as well (`围绕A、B，C等要求`); not after a space, which
  // may set a name off after titles (`书记、主任 王强等`).
  // A comma inside a series that fills its quotation, its groups unequal (`“月提示、季督查，
  // 年考评”`; equal groups set off on purpose are left by setOffOnPurpose): the quotation
  // names one phrase, so the comma ends no clause there.
  if (other.some((s) => s === '，')) return (framed && (closedByDe || deAfterQuote || after === '等')) || listedMembers(text, start, end) || (quoted && !evenGroups(marks));
  return quoted || closedByDe || framed || yiWei || (before !== '“' && spacedInProse(text, start, end, marks));
}

/** Whether the series `text[start, end)` is the whole of a quotation: “ right before, ” right after. */
function fillsQuotation(text: string, start: number, end: number): boolean {
  return text[start - 1] === '“' && text[end] === '”';
}
