/**
 * 某某 before a person's title with no surname before it, for `placeholder`: `反映某某同志`,
 * `表扬某某同志`. A report names its people; a case report anonymises them by surname
 * (王某某同志, 欧阳某某), so 某某 right after a word that ends there, is no surname and makes
 * no one anyone (称呼某某同志 quotes a form of address, 例如某某同志 gives an example) is a
 * name's slot left unfilled. Inside quotation marks (“任命某某同志为……”) it quotes a form.
 * The slot patterns of rules/data/placeholders.yaml already take 某某 after punctuation or a
 * word such as 与/为/请; this reads the other words, by ICU's word segmenter, so that a
 * surname outside the list (闵某某同志: 闵 stands as a word of one character) stays quiet.
 * So is 某某 right after a noun of a person (`mou_persons`: 党员某某获评, 党员技术员某某等2人)
 * or a post's title (`mou_posts`, read with them: 船长某某在采购中违规, 支部书记某某带头),
 * where reports write the person's name in apposition; not 某某某 or 某某人.
 * And 某某 as the whole of a quoted name before a noun that takes one (“某某”轮, “某某”服务队:
 * `mouQuotedName`), a ship's or a brand's name left open.
 * Offsets are UTF-16 code units of the report text.
 */
import { placeholders } from '../data/index';
import { chineseSegmenter } from '../model/segmenter';
import { isHanCode } from '../model/script';

const MOU = '某某';

/** What follows a title when 某某 means anyone at all (打着某某书记的旗号, 以某某主任的名义). */
const GENERIC_AFTER_TITLE = ['的旗号', '的名义', '的招牌', '的幌子'];

/**
 * The [start, end) pairs (offsets into the report text: `from` plus offsets into `line`) of
 * each 某某 in `line` right before one of the data's `mou_titles` whose previous word is two
 * Han characters or more, or one of the data's `mou_particles` (的, 了…), and ends right
 * there, or right after one of its `mou_persons` (not before 某 or 人), and is neither a
 * surname (one of the list's, or a compound one) nor one of the data's `generic_words`,
 * outside quotation marks (more “ than ” before it on the line). Empty without ICU's Chinese dictionary (no word can be
 * told from a surname then).
 */
export function mouBeforeTitle(line: string, from: number): number[] {
  const out: number[] = [];
  let segmenter: Intl.Segmenter | null | undefined;
  // Quotation depth before `at`, carried forward: one pass over the line however many 某某.
  let depth = 0;
  let read = 0;
  for (let at = line.indexOf(MOU); at !== -1; at = line.indexOf(MOU, at + MOU.length)) {
    const after = at + MOU.length;
    // Before a title (某某同志), or after a noun of a person (党员某某获评) where 某某 is no
    // part of 某某某 or 某某人.
    const titled = placeholders.mouTitles.find((t) => line.startsWith(t, after));
    // 某某书记的旗号, 某某领导的名义: anyone at all, the generic "so-and-so" of a warning.
    if (titled !== undefined && GENERIC_AFTER_TITLE.some((g) => line.startsWith(g, after + titled.length))) continue;
    const title = titled !== undefined;
    const person = !title && line[after] !== '某' && line[after] !== '人' && placeholders.mouPersons.some((p) => line.endsWith(p, at));
    // 打着局长某某的旗号: anyone at all after a post's title too.
    if (person && GENERIC_AFTER_TITLE.some((g) => line.startsWith(g, after))) continue;
    if (!title && !person) continue;
    // Two Han characters before it, the one right before no surname, no third 某 (某某某).
    if (at < 2 || !isHanCode(line.charCodeAt(at - 1)) || !isHanCode(line.charCodeAt(at - 2))) continue;
    if (line[at - 1] === '某' || placeholders.surnames.includes(line[at - 1])) continue;
    for (; read < at; read++) {
      const c = line.charCodeAt(read);
      if (c === 0x201c) depth++;
      else if (c === 0x201d && depth > 0) depth--;
    }
    if (depth > 0) continue;
    segmenter ??= chineseSegmenter();
    if (segmenter === null) return out;
    const start = Math.max(0, at - 8);
    const piece = line.slice(start, after + 2);
    const word = segmenter.segment(piece).containing(at - 1 - start);
    // After a noun of a person, the listed noun ends there whatever ICU makes of it (技术|员).
    // A word of one character may be a surname outside the list (闵某某同志), unless it is one
    // of the data's `mou_particles` closing a phrase (推荐的某某同志, 表扬了某某同志).
    // So is a body's last character after Han text (镇农技站某某同志: 农|技|站 to ICU), which
    // closes the body's name (`mou_units`).
    const unitEnd = (w: Intl.SegmentData): boolean => placeholders.mouUnits.includes(w.segment) && isHanCode(line.charCodeAt(at - 2));
    const short = (w: Intl.SegmentData): boolean => w.segment.length < 2 && !placeholders.mouParticles.includes(w.segment) && !unitEnd(w);
    if (!person && (!word || word.index + word.segment.length !== at - start || short(word))) continue;
    const w = person ? line.slice(Math.max(0, at - 4), at) : word!.segment;
    if (placeholders.compoundSurnames.some((s) => w.endsWith(s)) || placeholders.genericWords.some((a) => w.endsWith(a))) continue;
    out.push(from + at, from + after);
  }
  return out;
}

/** Opening and closing quotation marks around a quoted name: “…”, ‘…’, "…". */
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '"': '"' };

/** After 轮, characters that make it a word of its own (轮训, 轮换, 轮岗…): no ship. */
const LUN_WORDS = '训换岗值流班次';

/**
 * The [start, end) pairs (offsets into the report text: `from` plus offsets into `line`) of
 * each 某某 that is the whole of a quotation right before one of the data's
 * `mou_quoted_nouns` (“某某”轮党支部, “某某”服务队): a ship's, a brand's or a team's name
 * left open. Quiet after a word naming a form or giving an example (`generic_words` and 如:
 * 写作“某某”号, 例如“某某”工作室), where the quotation shows the form itself; and outside
 * these nouns (“某某”说了算 is the generic so-and-so). Lines anonymising people by surname
 * are skipped by the caller, as for every 某某 check.
 */
export function mouQuotedName(line: string, from: number): number[] {
  const out: number[] = [];
  for (let at = line.indexOf(MOU); at !== -1; at = line.indexOf(MOU, at + MOU.length)) {
    const close = QUOTES[line[at - 1]];
    const after = at + MOU.length;
    if (close === undefined || line[after] !== close) continue;
    const rest = after + 1;
    const noun = placeholders.mouQuotedNouns.find((n) => line.startsWith(n, rest));
    if (noun === undefined) continue;
    if (noun === '轮' && LUN_WORDS.includes(line[rest + 1] ?? '')) continue;
    const lead = line.slice(Math.max(0, at - 5), at - 1);
    if (lead.endsWith('如') || placeholders.genericWords.some((w) => lead.endsWith(w))) continue;
    out.push(from + at, from + after);
  }
  return out;
}
