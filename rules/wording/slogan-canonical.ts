/**
 * slogan-canonical: known formulations (规范提法) in their canonical wording. The list is
 * data (rules/data/slogans.yaml), each entry with its source. Findings:
 *
 * - a wrong form of an entry (slogan-variants.ts): listed by hand, or generated from what
 *   the entry says applies to it — a required word (the leader's name, 重要) or required
 *   quotation marks dropped, a congress and a plenary session confused (届/大), the name
 *   of one of a pair with the other's word (`做到“两个确立”`), quotation marks splitting
 *   it (`“全面从严”治党`). Each is found as an exact string, and is quiet where a correct
 *   phrase contains it at that place (the name-less `新时代中国特色社会主义思想` inside
 *   the full name) or, for a dropped name, after a redaction mark (`A新时代…`);
 * - one character replaced by a homophone (pinyin-pro, tones ignored) or a listed
 *   look-alike, in any formulation of 4 characters or more, at any place (`“两个为护”`,
 *   `全面从严治当`); in formulations of 14 characters or more, by any Han character
 *   except at either end;
 * - for formulations with near-miss search (6 characters or more by default): one Han
 *   character dropped, added or doubled, or two neighbours swapped, the first and last
 *   characters unchanged (a difference at an end cannot be told from the text around);
 *   the last character dropped only where it ends a word of the formulation and the text
 *   beyond does not mend the broken word (`二十届三中全精神`, not `…三中全体会议`);
 * - two neighbouring inner characters each replaced by a homophone or look-alike, a word
 *   typed by its sound (`社会注意思想`), in formulations of 6 characters or more;
 * - in formulations of 8 characters or more, a near word at an end: the first word of a
 *   compound term (`认识形态工作责任制`), the last word of a fixed name (`以人民为中心的发展
 *   思路`), each a word of its own (slogan-search.ts, `nearWordAtEnd`);
 * - a series with one part's word changed, the other parts in place (`政治判断力、政治理解力、
 *   政治执行力`, `读原著、学原文、悟道理`; slogan-series.ts), and two halves on one opening
 *   word with the second's last word changed where the text names them (`藏粮于地、藏粮于民
 *   战略`);
 * - a formulation quoted whole right after a verb it is put to, its last character replaced so
 *   that its last word is an everyday word where the formulation's is none (`牢记“国之大事”`;
 *   slogan-search.ts);
 * - a series with all its parts in another order (`不敢腐、不想腐、不能腐`; slogan-order.ts);
 * - a quoted short formulation with two neighbours swapped (`“三重大一”`) or, counted with
 *   two numerals, its 一 counted up (`“三会两课”`; slogan-short.ts);
 * - a frame fixed to one member of a list of sibling formulations holding another member
 *   (`以党的思想建设为统领`; slogan-siblings.ts), and the sessions of one term named with 大
 *   (`二十大历次全会精神`): generated wrong forms (slogan-variants.ts);
 * - a plenary session named in a wrong shape, read from the grammar of its name
 *   (`二十届三次全会`, `二十届三中会议`, `二十大五中全会`; slogan-session-shapes.ts);
 * - a formulation's fixed sequel with its last word changed (`“两个确立”的决定性作用`;
 *   slogan-after.ts);
 * - a quoted short numbered formulation with one character of its word replaced by any
 *   Han character (`“两个确定”`, `“第一议程”`), or a near word sharing a character in the
 *   other place (`坚定“四个信心”`; slogan-quoted.ts);
 * - a speech of the General Secretary named by its occasion without 重要 (`总书记在…会议上的
 *   讲话精神`; slogan-speech.ts);
 * - the General Secretary's remarks on a subject without 重要 (`总书记关于…的论述`;
 *   slogan-remarks.ts);
 * - 全面 moved after the manner word (`从严全面治党`), a named four-and-four pair reversed
 *   (`牢记使命、不忘初心`): generated wrong forms (slogan-reorders.ts); the parts of a counted
 *   formulation written out in another order (`政治意识、核心意识、大局意识、看齐意识`;
 *   slogan-order.ts with slogan-reorders.ts);
 * - a superseded wording beside a formulation that dates the sentence (`坚定“三个自信”` with
 *   `四个意识`), a word run into a named thought (`习近平生态文明建设思想`): generated
 *   wrong forms (slogan-variants.ts);
 * - the two halves of a two-part formulation in the wrong order (`全党的核心、党中央的核心`),
 *   two neighbouring words of a long formulation exchanged (`习近平新时代中国社会主义特色思想`):
 *   generated wrong forms (slogan-variants.ts);
 * - a verb a formulation is put to, one character of it a homophone or look-alike, right
 *   before the formulation (`宏扬伟大建党精神`; slogan-verbs.ts);
 * - a word replaced by a near word of the data's `near_words` (`不忘初衷、牢记使命`,
 *   `全面从紧治党`; a short one only where the text names it: `落实第一课题制度`), and another
 *   number in a counted formulation of a long word (`五个必须坚持`): generated wrong forms
 *   (slogan-variants.ts);
 * - for formulations of 5 characters: one inner character dropped (`高质发展`), unless what
 *   is left reads as whole words (`基层组织`) or starts on a word begun before (`党总支委员会`).
 *
 * What stays quiet: the exact formulation; a near miss that is itself a canonical form or a
 * correct phrase (slogans.yaml `correct`); a window that overlaps the exact formulation
 * (`学习习近平…思想` is 学习 + the name, not a doubled 习); an added 的, 之, 和 or 与 (a
 * paraphrase, not a misquote); differences in punctuation (`不忘初心，牢记使命`); entries
 * marked `verified: false` (completion only).
 *
 * Search is linear in the text: wrong forms are indexed by their first two code units and
 * formulations by their first and last two, and only windows anchored at a hit are
 * compared, each in time linear in the formulation's length. pinyin-pro is loaded only
 * when a window differs from a formulation by exactly one character that is not a
 * look-alike (homophones.ts). The search is slogan-search.ts, the one-edit comparison
 * slogan-edits.ts; this module turns their hits into findings.
 */
import type { Report } from '../model/report';
import type { Problem, Rule, RuleContext } from '../types';
import { insidePhrase } from '../model/dictionary';
import { isTraditionalLine } from '../model/script';
import { traditionalCharacters } from '../data/traditional-script';
import { slogans } from '../data/slogans';
import { latestTitleYear } from '../model/report-kind';
import { spacesInside } from './slogan-gaps';
import { quotedNearWords } from './slogan-quoted';
import { seriesPartWords } from './slogan-series';
import { replacedMembers } from './slogan-members';
import { documentSessions } from './slogan-sessions';
import { misshapenCongresses, misshapenSessions } from './slogan-session-shapes';
import { congressCandidates, datedCongress } from './slogan-congresses';
import { excusedByReport, misnumberedHeads } from './slogan-numbered';
import { seriesOrder } from './slogan-order';
import { shortMisquotes } from './slogan-short';
import { quotedReplaced } from './slogan-quoted-replaced';
import { changedSequels } from './slogan-after';
import { speechesWithoutWord } from './slogan-speech';
import { remarksWithoutWord } from './slogan-remarks';
import { misspeltVerbs } from './slogan-verbs';
import { type Hit, hitsAt, lineHits, nextKey } from './slogan-search';
import { namePrefixBefore, wordRunsOn } from './slogan-words';

export const sloganCanonical: Rule = {
  id: 'slogan-canonical',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '规范提法使用标准表述（习近平新时代中国特色社会主义思想、“两个确立”、“三会一课”等）',
      en: 'Known formulations in their canonical wording (习近平新时代中国特色社会主义思想, 两个确立, 三会一课 …)',
    },
    messages: {
      variant: {
        'zh-CN': '“{found}”提法不规范，应为“{canonical}”（{source}）',
        en: '"{found}" is not the canonical wording: use "{canonical}" ({source})',
      },
      required: {
        'zh-CN': '“{found}”漏了“{word}”，应为“{canonical}”（{source}）',
        en: '"{found}" leaves out "{word}": the canonical wording is "{canonical}" ({source})',
      },
      quotes: {
        'zh-CN': '“{found}”缺少引号，应为{canonical}（{source}）',
        en: '"{found}" lacks its quotation marks: the canonical wording is {canonical} ({source})',
      },
      nameQuotes: {
        'zh-CN': '{found}：提法“{canonical}”应加引号，写作{expected}（{source}）',
        en: '{found}: the name "{canonical}" takes quotation marks here: {expected} ({source})',
      },
      session: {
        'zh-CN': '“{found}”届次写法有误（届为全会，大为代表大会），应为“{canonical}”（{source}）',
        en: '"{found}" confuses a congress (大) and a plenary session (届): the canonical wording is "{canonical}" ({source})',
      },
      congressCount: {
        'zh-CN': '“{found}”届次写法有误（全国代表大会论“次”，中央委员会论“届”），应为“{canonical}”（{source}）',
        en: '"{found}" counts a congress by term or a Central Committee by session (a national congress is 第N次, a Central Committee 第N届): the canonical wording is "{canonical}" ({source})',
      },
      plenum: {
        'zh-CN': '“{found}”全会名称写法有误（中央全会简称“某届某中全会”），应为“{canonical}”（{source}）',
        en: '"{found}" misnames a plenary session (short name: X届N中全会): the canonical wording is "{canonical}" ({source})',
      },
      pair: {
        'zh-CN': '“{found}”把提法用混了：“{word}”搭配的是“{canonical}”，应为“{expected}”（{source}）',
        en: '"{found}" mixes up a pair: "{word}" goes with "{canonical}"; write "{expected}" ({source})',
      },
      space: {
        'zh-CN': '“{found}”中间多了空格，规范提法为“{canonical}”（{source}）',
        en: '"{found}" is broken by a space: the canonical wording is "{canonical}" ({source})',
      },
      comma: {
        'zh-CN': '“{found}”名称引号内各部分之间应用顿号，不用逗号，应为“{canonical}”（{source}）',
        en: '"{found}" separates the parts of a quoted name with commas: the canonical wording, with 、, is "{canonical}" ({source})',
      },
      separator: {
        'zh-CN': '“{found}”漏了顿号，应为“{canonical}”（{source}）',
        en: '"{found}" leaves out the enumeration commas (、): the canonical wording is "{canonical}" ({source})',
      },
      numeral: {
        'zh-CN': '“{found}”数字写法有误，应为“{expected}”（{source}）',
        en: '"{found}" writes 二 for 两: the canonical wording is "{expected}" ({source})',
      },
      measure: {
        'zh-CN': '“{found}”量词有误，应为“{canonical}”（{source}）',
        en: '"{found}" counts with the wrong measure word: the canonical wording is "{canonical}" ({source})',
      },
      split: {
        'zh-CN': '“{found}”被引号拆开，应为“{canonical}”（{source}）',
        en: '"{found}" splits the formulation with quotation marks: the canonical wording is "{canonical}" ({source})',
      },
      outdated: {
        'zh-CN': '“{found}”是旧提法，应为“{expected}”（{source}）',
        en: '"{found}" is a superseded wording: write "{expected}" ({source})',
      },
      near: {
        'zh-CN': '“{found}”中“{word}”用词有误，应为“{expected}”（{source}）',
        en: '"{found}" puts the near word "{word}" in the formulation: the canonical wording is "{expected}" ({source})',
      },
      count: {
        'zh-CN': '“{found}”数目有误，应为“{expected}”（{source}）',
        en: '"{found}" gives the wrong number: the canonical wording is "{expected}" ({source})',
      },
      exchanged: {
        'zh-CN': '“{found}”前后两部分的词语错位，应为“{expected}”（{source}）',
        en: '"{found}" exchanges words between its two parts: the canonical wording is "{expected}" ({source})',
      },
      reversed: {
        'zh-CN': '“{found}”前后两部分顺序颠倒，应为“{canonical}”（{source}）',
        en: '"{found}" puts the two halves in the wrong order: the canonical wording is "{canonical}" ({source})',
      },
      reordered: {
        'zh-CN': '“{found}”中“{word}”两词顺序颠倒，应为“{canonical}”（{source}）',
        en: '"{found}" exchanges the words "{word}": the canonical wording is "{canonical}" ({source})',
      },
      inserted: {
        'zh-CN': '“{found}”多了“{word}”，应为“{canonical}”（{source}）',
        en: '"{found}" inserts "{word}" into the name: the canonical wording is "{canonical}" ({source})',
      },
      outdatedCongress: {
        'zh-CN': '{year}年的报告学习贯彻“{found}”，而{met}已召开{series}（第{next}次），现行的是第{latest}次，请核对届次（{source}）',
        en: 'A report of {year} carries out "{found}", but the {series} met again (the {next}th) in {met}: the one in force is the {latest}th; check the ordinal ({source})',
      },
      dropped: {
        'zh-CN': '“{found}”漏了“{char}”字，应为“{canonical}”（{source}）',
        en: '"{found}" drops "{char}": the canonical wording is "{canonical}" ({source})',
      },
      omitted: {
        'zh-CN': '“{found}”漏了“{word}”，应为“{expected}”（{source}）',
        en: '"{found}" leaves out "{word}": the canonical wording is "{expected}" ({source})',
      },
      extraPart: {
        'zh-CN': '“{found}”多了“{part}”，原文为“{canonical}”（{source}）',
        en: '"{found}" adds "{part}": the canonical wording is "{canonical}" ({source})',
      },
      extra: {
        'zh-CN': '“{found}”多了“{char}”字，应为“{canonical}”（{source}）',
        en: '"{found}" has an extra "{char}": the canonical wording is "{canonical}" ({source})',
      },
      order: {
        'zh-CN': '“{found}”各项顺序有误，应为“{canonical}”（{source}）',
        en: '"{found}" puts the parts of the formulation in another order: the canonical wording is "{canonical}" ({source})',
      },
      swapped: {
        'zh-CN': '“{found}”中“{chars}”顺序颠倒，应为“{canonical}”（{source}）',
        en: '"{found}" swaps "{chars}": the canonical wording is "{canonical}" ({source})',
      },
      moved: {
        'zh-CN': '“{found}”中“{char}”字位置有误，应为“{canonical}”（{source}）',
        en: '"{found}" puts "{char}" in the wrong place: the canonical wording is "{canonical}" ({source})',
      },
      wrong: {
        'zh-CN': '“{found}”中“{char}”应为“{expected}”，规范提法为“{canonical}”（{source}）',
        en: '"{found}" has "{char}" for "{expected}": the canonical wording is "{canonical}" ({source})',
      },
    },
  },
  check(report: Report, _options, context?: RuleContext): Problem[] {
    const { text, lines } = report;
    const problems: Problem[] = [];
    // The project dictionary: accepted words and the project's own formulations are
    // correct text here (a local formulation one character from a listed one).
    const dictionary = context?.dictionary;
    const quiet = dictionary && (dictionary.accept.length > 0 || dictionary.slogans.length > 0) ? [...dictionary.accept, ...dictionary.slogans.map((e) => e.canonical)] : null;
    // The candidates of the whole text in one scan, their hits gathered line by line (a
    // finding stays within its line). Work and allocation happen only at candidates.
    let hits: Hit[] = [];
    let from = 0;
    let to = -1;
    for (let i = nextKey(text, 0); i !== -1; i = nextKey(text, i + 1)) {
      if (i > to) {
        if (hits.length > 0) {
          addProblems(report, lineHits(hits, from, to), problems, quiet);
          hits = [];
        }
        const line = lines.lineAt(i);
        from = lines.start(line);
        to = lines.end(line);
      }
      // The bigram must lie within the line.
      if (i + 1 < to) hitsAt(text, from, to, i, hits);
    }
    if (hits.length > 0) addProblems(report, lineHits(hits, from, to), problems, quiet);
    if (dictionary && dictionary.slogans.length > 0) projectVariants(report, dictionary.slogans, quiet ?? [], problems);
    spacesInside(report, problems, quiet);
    quotedNearWords(report, problems, quiet);
    seriesPartWords(report, problems, quiet);
    replacedMembers(report, problems, quiet);
    seriesOrder(report, problems, quiet);
    shortMisquotes(report, problems, quiet);
    quotedReplaced(report, problems, quiet);
    changedSequels(report, problems, quiet);
    speechesWithoutWord(report, problems, quiet);
    remarksWithoutWord(report, problems, quiet);
    documentSessions(report, problems, quiet);
    misshapenSessions(report, problems, quiet);
    misshapenCongresses(report, problems, quiet);
    misnumberedHeads(report, problems, quiet);
    congressCandidates(report, problems, quiet);
    misspeltVerbs(report, problems, quiet);
    innerQuotesInFixes(report, problems);
    return inOwnScript(report, problems).sort((a, b) => a.start - b.start);
  },
  // What depends on more than a line's block is decided here, on the whole report, over the
  // block path's problems: a numbered formulation whose smaller count a word anywhere makes
  // right (不设支部委员会: 两会一课, slogan-numbered.ts), and a congress dated by the title's
  // year (slogan-congresses.ts).
  checkDocument(report: Report, _options, _context, all: readonly Problem[]): readonly Problem[] {
    const problems = ofTheTextsTime(report, all);
    if (!problems.some((p) => p.messageId === 'outdatedCongress' || (p.messageId === 'count' && p.data?.formulation !== undefined))) return problems;
    const out: Problem[] = [];
    for (const p of problems) {
      if (excusedByReport(report, p)) continue;
      const dated = datedCongress(report, p);
      if (dated !== null) out.push(dated);
    }
    return out;
  },
};

/** The year each formulation was coined (slogans.yaml `since`), by its canonical form. */
const COINED = new Map(slogans.entries.filter((e) => e.since !== null).map((e) => [e.canonical, e.since as number]));

/**
 * `problems` without those that ask for a formulation coined after the text's time: the
 * latest year the title names (`latestTitleYear`) before the entry's `since` year. A 2015
 * summary's 群众急难愁问题 is the wording of 2015 (急难愁盼 was put so in 2021; realtext2
 * audit), and nobody edits a dated text to a later formulation. Read on the whole report
 * (the title), so here and not on the block path. `problems` itself when nothing is dropped.
 */
function ofTheTextsTime(report: Report, problems: readonly Problem[]): readonly Problem[] {
  if (COINED.size === 0 || report.title === null) return problems;
  const year = latestTitleYear(report.title.text);
  if (year === null) return problems;
  const kept = problems.filter((p) => {
    const since = COINED.get(String(p.data?.canonical ?? ''));
    return since === undefined || year >= since;
  });
  return kept.length === problems.length ? problems : kept;
}

/**
 * `problems` without those on a line written in traditional script (rules/model/script.ts
 * `isTraditionalLine`) that read a character as replaced (`wrong`) or hold a traditional-only
 * character: the formulations are listed in simplified script, and `先鋒模范作用` in a 繁体
 * text writes 锋 in its own script (realtext2 audit, a 中学支部 summary posted in 繁体). The
 * rule has no table to fold 繁→简, so it stays quiet rather than ask for one simplified
 * character in a traditional text. A new array; `problems` is left as it is.
 */
function inOwnScript({ text, lines }: Report, problems: Problem[]): Problem[] {
  let line = -1;
  let traditional = false;
  return problems.filter((p) => {
    const at = lines.lineAt(p.start);
    if (at !== line) {
      line = at;
      traditional = isTraditionalLine(text, lines.start(at), lines.end(at));
    }
    if (!traditional) return true;
    if (p.messageId === 'wrong') return false;
    for (let i = p.start; i < p.end; i++) if (traditionalCharacters.has(text[i])) return false;
    return true;
  });
}

/**
 * Rewrites the “ ” of each fix that lands inside an open double quotation of its line as
 * ‘ ’: a quotation inside a quotation takes single marks (GB/T 15834-2011 引号), so the
 * item `“七一重要讲话”` is fixed to `“‘七一’重要讲话”`, not `““七一”重要讲话”`. The depth is
 * read from the line's curly marks before the fix (“ ‘ 〝 open, ” ’ 〞 close); an odd depth
 * is inside a double quotation. Problems are changed in place (they are the rule's own).
 */
function innerQuotesInFixes({ text, lines }: Report, problems: Problem[]): void {
  for (const p of problems) {
    const fix = p.fix;
    if (!fix || !/[“”]/.test(fix.text)) continue;
    let depth = 0;
    for (let i = lines.start(lines.lineAt(fix.start)); i < fix.start; i++) {
      const c = text[i];
      if (c === '“' || c === '‘' || c === '〝') depth++;
      else if ((c === '”' || c === '’' || c === '〞') && depth > 0) depth--;
    }
    if (depth % 2 === 1) p.fix = { ...fix, text: fix.text.replace(/“/g, '‘').replace(/”/g, '’') };
  }
}

/**
 * The listed variants of the project's formulations (config `slogans:`), each found as an
 * exact string and reported like a listed variant of rules/data/slogans.yaml; quiet where
 * it overlaps a finding already made, lies inside accepted text or a project formulation,
 * or in code, HTML, links or front matter. (The generated misquotes and near misses of
 * the built-in entries are not derived for project entries: their index is built once.)
 */
function projectVariants({ text, opaque }: Report, entries: RuleContext['dictionary']['slogans'], quiet: readonly string[], problems: Problem[]): void {
  const before = problems.length;
  for (const { canonical, source, variants = [] } of entries) {
    for (const found of variants) {
      for (let start = text.indexOf(found); start !== -1; start = text.indexOf(found, start + found.length)) {
        const end = start + found.length;
        if (opaque.overlaps(start, end) || insidePhrase(text, start, end, quiet)) continue;
        if (problems.some((p) => p.start < end && start < p.end)) continue;
        problems.push({ messageId: 'variant', data: { found, canonical, source }, start, end, fix: { start, end, text: canonical } });
      }
    }
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/** Adds the problems of a line's `hits` to `problems`, but those inside the `quiet` phrases (the project dictionary). */
function addProblems({ text, opaque }: Report, hits: readonly Hit[], problems: Problem[], quiet: readonly string[] | null): void {
  for (const hit of hits) {
    const { start, end } = hit;
    if (opaque.overlaps(start, end)) continue;
    if (quiet !== null && insidePhrase(text, start, end, quiet)) continue;
    const { canonical, source } = hit.entry;
    const found = text.slice(start, end);
    const v = hit.variant;
    // A bare name that runs on into a longer word (增强四个意识形态阵地) is no name.
    if (v?.kind === 'nameQuotes' && v.fixAt + v.fixLen === v.form.length && wordRunsOn(text, end)) continue;
    if (v) {
      // 以习新时代…: the start of the dropped name is left before the form (the rest of it
      // dropped); the finding and its fix take it in, unless it ends a word there (学习新时代…).
      const kept = v.kind === 'required' && v.fixAt === 0 ? namePrefixBefore(text, start, v.word) : 0;
      const fix = { start: start - kept + v.fixAt, end: start + v.fixAt + v.fixLen, text: v.fixText };
      const shown = text.slice(start - kept, end);
      const expected = shown.slice(0, kept + v.fixAt) + v.fixText + shown.slice(kept + v.fixAt + v.fixLen);
      const messageId = v.kind === 'listed' ? 'variant' : v.kind;
      problems.push({ messageId, data: { found: shown, canonical, source, expected, word: v.word }, start: start - kept, end, fix });
      continue;
    }
    const fix = { start, end, text: canonical };
    const edit = hit.edit!;
    if (edit.kind === 'swapped') problems.push({ messageId: 'swapped', data: { found, canonical, source, chars: edit.chars }, start, end, fix });
    else if (edit.kind === 'wrong') {
      problems.push({ messageId: 'wrong', data: { found, canonical, source, char: edit.char, expected: edit.expected }, start, end, fix });
    } else problems.push({ messageId: edit.kind, data: { found, canonical, source, char: edit.char }, start, end, fix });
  }
}
