/**
 * enumeration-count: a stated count against the items it announces.
 *
 * Counts it reads, and where it looks for their items:
 * - a quoted numbered slogan `“五个一”`: the 、-separated 一X items right before it in the
 *   same clause (`建立一套…、赠送一张…、…进行一次…“五个一”活动`), or a list it introduces;
 * - a quoted `“四大行动”`: a list it introduces, or the run of 一是… items that follows;
 * - `三个方面`: the 、-list right before it (`从思想、组织、作风三个方面`), a list it
 *   introduces, or the run of 一是… items, （一）… headings or bullets that follows;
 * - a count with a measure word and a noun introduced by a colon (`制定8项措施：…`);
 * - a 、-list right before a count of places (`镇靖、冯庄2村`, `*村、*村等7个村`), or a list
 *   of named items (each with its name in brackets or quotes) opened by a verb of making
 *   and closed by "noun + count" (`打造镇靖村（…）、范庙村（…）党建示范品牌2个`).
 * A list ending in 等 makes the count a lower bound. Items are counted by distinct names (a
 * redacted name such as `**` or `*村` is always its own item). Where the list cannot be
 * delimited with confidence — a 、-list ending at a comma, a last item joined by 和/及, a
 * run of 一是 items that does not show the slogan's shape — the rule stays quiet.
 *
 * Chinese numerals in quoted slogans are not in `report.quantities` (the layer leaves quoted
 * names out); they are read here with nzh through `chineseNumeralValue`.
 * The vocabulary is data: rules/data/enumeration-count.yaml.
 */
import type { List, Nodes } from 'mdast';
import { enumerationCountData as vocab } from '../data/enumeration-count';
import { chineseNumeralValue, isCountNumeralCode } from '../model/numerals';
import type { Quantity } from '../model/quantities';
import type { OrdinalItem, Report, Section } from '../model/report';
import type { Problem, Rule } from '../types';
import { isSpace } from '../model/script';
import { checked, oneOf } from './sentence';

/** A count as written, and where the text after it (its introducer, its list) begins. */
interface Announcement {
  start: number;
  end: number;
  label: string;
  n: number;
  /** Offset where a list it introduces may start (after the slogan or the noun). */
  after: number;
  line: number;
  /** What the items of a following run must show, if anything. */
  shape: ((itemText: string) => boolean) | null;
  /** Whether a run of items or headings on the next line may be its list. */
  nextLine: boolean;
}

/** The items found for a count. */
interface Listing {
  count: number;
  lower: boolean;
  start: number;
  end: number;
  summary: string;
}

const CN_CHARS = '一二三四五六七八九十两';
/**
 * A quoted slogan: groups 1 the numeral, 3 the noun after 大. Run over the whole text (it
 * cannot match across a line end), which finds a line's matches as a run on the line would.
 */
const SLOGAN = new RegExp(`“([${CN_CHARS}]{1,3})(个一|大([\\p{Script=Han}]{1,6}))”`, 'gu');
/** Whether code unit `c` is a numeral of `N个方面` (CN_CHARS). */
const isCN = isCountNumeralCode;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const OPEN = '（(“‘《【〔';
const CLOSE = '）)”’》】〕';
// Character classes for the scanners, looked up per character (no regex per character).
const OPENS = new Set(OPEN);
const CLOSES = new Set(CLOSE);
const CLAUSE_MARKS = new Set('，,。；;：:！？!?');
const SENTENCE_MARKS = new Set('。！？!?');
const SENTENCE = /[。！？!?]/u;
const MAX_BACK = 200;
const MAX_REACH = 500;
const ONE_ITEM = new RegExp(`一[${vocab.oneMeasures}]`, 'u');
const NAME_LIKE = /^[\p{Script=Han}*×XＸ]{1,8}$/u;
// An owner's name, then the item's name in brackets or quotes: 镇靖村（“六微”逐梦镇靖堡）.
const NAMED_ITEM = /^[\p{Script=Han}*×XＸ]{1,10}(?:[（(][^）)]+[）)]|“[^”]+”)$/u;
const JOINED = /和|及|与|并/u;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
// What a character is to segmentsBefore's scan, by UTF-16 code unit: one typed-array read
// per character instead of Set lookups on one-character strings. The table covers the
// units below U+3040 and the full-width forms, where every such character lies; a Han
// character is settled by a comparison (see charKind).
const OTHER = 0;
const OPENER = 1;
const CLOSER = 2;
const CLAUSE_MARK = 3;
const LIST_COMMA = 4;
const DIGIT = 5;
const LOW_KIND = new Uint8Array(0x3040);
const WIDE_KIND = new Uint8Array(0x100);
function charKind(c: number): number {
  return c < 0x3040 ? LOW_KIND[c] : c >= 0xff00 ? WIDE_KIND[c - 0xff00] : OTHER;
}
function setKind(chars: string, kind: number): void {
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    if (c < 0x3040) LOW_KIND[c] = kind;
    else if (c >= 0xff00) WIDE_KIND[c - 0xff00] = kind;
    else throw new Error(`enumeration-count: ${ch} lies outside the ranges charKind reads`);
  }
}
setKind(OPEN, OPENER);
setKind(CLOSE, CLOSER);
setKind([...CLAUSE_MARKS].join(''), CLAUSE_MARK);
setKind('、', LIST_COMMA);
setKind('0123456789', DIGIT);

export const enumerationCount: Rule = {
  id: 'enumeration-count',
  meta: {
    family: 'numbers',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '所述数量与其列举的项数一致（“五个一”、“四大行动”、三个方面、党建示范品牌3个）',
      en: 'A stated count matches the number of items it announces',
    },
    messages: {
      mismatch: {
        'zh-CN': '{label}所述数量为{n}，实际列举{count}项（{summary}），不符 ✗',
        en: '{label} announces {n}, but {count} items are listed ({summary}) ✗',
      },
      match: {
        'zh-CN': '{label}所述数量为{n}，实际列举{count}项（{summary}），相符 ✓',
        en: '{label} announces {n}, and {count} items are listed ({summary}) ✓',
      },
      lowerMatch: {
        'zh-CN': '{label}所述数量为{n}，列举{count}项并以“等”概括（{summary}），未超出 ✓',
        en: '{label} announces {n}; {count} items are listed, ending in 等 ({summary}) ✓',
      },
      lowerMismatch: {
        'zh-CN': '{label}所述数量为{n}，但以“等”概括的列举已有{count}项（{summary}），多于所述数量 ✗',
        en: '{label} announces {n}, but the list ending in 等 already holds {count} items ({summary}) ✗',
      },
      items: {
        'zh-CN': '所列各项：{count}项',
        en: 'The items listed: {count}',
      },
    },
  },
  check(report: Report): Problem[] {
    const ctx = new Context(report);
    const problems: Problem[] = [];
    const add = (a: { start: number; end: number; label: string; n: number }, listing: Listing | null) => {
      if (!listing || listing.count < 1) return;
      const ok = listing.lower ? listing.count <= a.n : listing.count === a.n;
      const messageId = listing.lower ? (ok ? 'lowerMatch' : 'lowerMismatch') : ok ? 'match' : 'mismatch';
      const data = { label: a.label, n: a.n, count: listing.count, summary: listing.summary };
      const related = [{ messageId: 'items', data: { count: listing.count }, start: listing.start, end: listing.end }];
      problems.push(checked(ok, messageId, data, a.start, a.end, related));
    };
    for (const a of ctx.announcements()) {
      const before = a.shape === ONE_SHAPE || a.label.endsWith('个方面”') ? ctx.precedingList(a, a.shape === ONE_SHAPE) : null;
      add(a, before ?? ctx.followingList(a));
    }
    const quantities = report.quantities;
    // An index loop: for-of allocates an iterator result per step until the JIT optimizes.
    for (let i = 0; i < quantities.length; i++) {
      const q = quantities[i];
      if (q.bound !== 'exact') continue;
      const kind = unitKind(q.unit);
      if (kind === undefined) continue;
      // Both readers only read the text: the opaque lookup waits until one of them finds something.
      const counted = kind & LIST_UNIT ? ctx.countedAnnouncement(q) : null;
      const listing = counted ? null : ctx.listBeforeCount(q, kind);
      if ((!counted && !listing) || ctx.opaque(q.start, q.end)) continue;
      if (counted) add(counted, ctx.followingList(counted));
      else if (listing) add({ start: q.start, end: q.end, label: listing.label, n: q.value }, listing);
    }
    return inOrder(problems) ? problems : problems.sort((x, y) => x.start - y.start);
  },
};

/** Whether the problems already stand in order of start (the usual case: no sort to run). */
function inOrder(problems: readonly Problem[]): boolean {
  for (let i = 1; i < problems.length; i++) if (problems[i - 1].start > problems[i].start) return false;
  return true;
}

const ONE_SHAPE = (itemText: string) => ONE_ITEM.test(itemText);

/** An item without its bracketed asides and a trailing 等: `镇靖村（…）等` → `镇靖村`. */
function bareName(item: string): string {
  const bare = withoutAsides(item);
  return bare.endsWith('等') ? bare.slice(0, -1) : bare;
}

/** An item as shown in a summary: without asides, at most 8 characters. */
function shortItem(raw: string): string {
  const t = withoutAsides(raw).trim() || raw;
  return t.length > 8 ? `${t.slice(0, 7)}…` : t;
}

/**
 * `text` without its asides: each （ or ( with everything up to the next ） or ) (what
 * `/[（(][^）)]*[）)]/gu` replaces), by a scan of code units rather than a regex replace.
 */
function withoutAsides(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0xff08 /* （ */ && c !== 0x28 /* ( */) continue;
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== 0xff09 /* ） */ && text.charCodeAt(j) !== 0x29 /* ) */) j++;
    // No closer after this opener: none after a later one either.
    if (j === text.length) break;
    out += text.slice(copied, i);
    copied = j + 1;
    i = j;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** `text` without one or two trailing 等 (what `/等等?$/u` replaces). */
function withoutDeng(text: string): string {
  let end = text.length;
  if (text.charCodeAt(end - 1) === 0x7b49 /* 等 */) end--;
  if (end < text.length && text.charCodeAt(end - 1) === 0x7b49) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the white space and `*` (Markdown emphasis) that open it. */
function withoutLead(text: string): string {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 0x2a /* * */ || isSpace(text.charCodeAt(i)))) i++;
  return i === 0 ? text : text.slice(i);
}

/**
 * The length (in UTF-16 units) of the run of at most 8 Han characters opening `text`: what
 * HAN_PREFIX matches. CJK Unified Ideographs and units below U+2E80 are settled by
 * comparison; a text with any other character before the run ends is left to the regex.
 */
function hanPrefixLength(text: string): number {
  for (let i = 0; i < text.length && i < 8; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c < 0x2e80) return i;
    return HAN_PREFIX.exec(text)![0].length;
  }
  return Math.min(text.length, 8);
}
const HAN_PREFIX = /^\p{Script=Han}{0,8}/u;

/** Index of the last ）, ) or ” in `text`, or -1: where an item's own name ends. */
function lastCloser(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0xff09 /* ） */ || c === 0x29 /* ) */ || c === 0x201d /* ” */) return i;
  }
  return -1;
}

/** `text` without its HTML comments (`<!--…-->`); the regex runs only where one opens. */
function withoutComments(text: string): string {
  return text.includes('<!--') ? text.replace(/<!--.*?-->/gu, '') : text;
}

/** Whether code unit `c` ends an item's first clause: 。；;！？ */
function isClauseStop(c: number): boolean {
  return c === 0x3002 /* 。 */ || c === 0xff1b /* ； */ || c === 0x3b /* ; */ || c === 0xff01 /* ！ */ || c === 0xff1f; /* ？ */
}

/** Whether a name is redacted (`*`, `×`, `XX`, `ＸＸ`): each such item counts on its own. */
function isRedacted(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2a /* * */ || c === 0xd7 /* × */) return true;
    if ((c === 0x58 /* X */ || c === 0xff38) /* Ｘ */ && name.charCodeAt(i + 1) === c) return true;
  }
  return false;
}

/** `listing` with the label its count is shown by (a plain literal: V8 builds a spread slowly). */
function labelled(listing: Listing, label: string): Listing & { label: string } {
  const { count, lower, start, end, summary } = listing;
  return { count, lower, start, end, summary, label };
}

/** First code units of the introducers: most positions are rejected by one lookup. */
const INTRODUCER_FIRST = [...new Set(vocab.introducers.map((w) => w.charCodeAt(0)))];
/** What a unit may count, as bit flags (UNIT_KIND). */
const LIST_UNIT = 1;
const PLACE_UNIT = 2;
const NAMED_UNIT = 4;
/** 个 and 家: a count of places when a place noun follows. */
const PLACE_IF_NOUN = 8;
/**
 * Every unit a count read from the quantity layer may carry, with what it may count: a list
 * (countedAnnouncement), places or named items (listBeforeCount). One lookup per quantity;
 * other quantities are skipped at once.
 */
const UNIT_KIND = new Map<string, number>();
const addKind = (units: readonly string[], flag: number) => {
  for (const u of units) UNIT_KIND.set(u, (UNIT_KIND.get(u) ?? 0) | flag);
};
addKind(vocab.listUnits, LIST_UNIT);
addKind(vocab.placeUnits, PLACE_UNIT);
addKind(vocab.namedUnits, NAMED_UNIT);
addKind(['个', '家'], PLACE_IF_NOUN);
/** UNIT_KIND of the one-character units, by code unit: a number key is found faster than a string. */
const UNIT_KIND_BY_CODE = new Map<number, number>();
for (const [unit, kind] of UNIT_KIND) if (unit.length === 1) UNIT_KIND_BY_CODE.set(unit.charCodeAt(0), kind);

/** What unit `unit` may count (UNIT_KIND), or undefined for any other unit. */
function unitKind(unit: string): number | undefined {
  return unit.length === 1 ? UNIT_KIND_BY_CODE.get(unit.charCodeAt(0)) : UNIT_KIND.get(unit);
}

/**
 * The place nouns a Han word may open with: all of them as the data stands (a noun holding
 * another character could never open the Han run after a count), longest first.
 */
const PLACE_NOUNS = vocab.placeNouns.filter((w) => /^[\p{Script=Han}]+$/u.test(w));
/** First code units of the place nouns: most words after a 个 open with none of them. */
const PLACE_NOUN_FIRST = [...new Set(PLACE_NOUNS.map((w) => w.charCodeAt(0)))];

/** The place noun (`村`, `社区`, `党支部`…) the Han words after a count open with, if any. */
function placeNounAfter(after: string): string | undefined {
  const first = after.charCodeAt(0);
  if (!oneOf(PLACE_NOUN_FIRST, first)) return undefined;
  for (const w of PLACE_NOUNS) if (w.charCodeAt(0) === first && after.startsWith(w)) return w;
  return undefined;
}

/**
 * Whether code unit `c` (NaN past the text's end) may follow a count of named items: the
 * end of the text or the line, or a clause mark or 、 (the count closes its clause).
 */
function endsNamedCount(c: number): boolean {
  if (Number.isNaN(c) || c === 10 /* \n */ || c === 13 /* \r */) return true;
  const kind = charKind(c);
  return kind === CLAUSE_MARK || kind === LIST_COMMA;
}

/** The report and the indices the rule reads it through. */
class Context {
  readonly text: string;
  /**
   * Bullet lists by their first line, built at the second lookup (bulletListAt): most
   * reports ask once or never, and one lookup walks only the nodes around its line.
   */
  private bulletLists: Map<number, List> | null = null;
  private bulletListLookups = 0;
  /** The top-level sections in order, found on first use. */
  private roots: number[] | null = null;

  constructor(readonly report: Report) {
    this.text = report.text;
  }

  /**
   * The section whose heading stands on `line` (0-based), if any: the sections are in the
   * order of their headings' lines, one heading a line, so a binary search finds it.
   */
  private sectionAt(line: number): Section | undefined {
    const { sections } = this.report;
    let lo = 0;
    let hi = sections.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = sections[mid].heading.line;
      if (at === line) return sections[mid];
      if (at < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The top-level sections' indices, in order. */
  private rootSections(): number[] {
    return (this.roots ??= this.report.sections.filter((s) => s.parent === -1).map((s) => s.index));
  }

  /**
   * The bullet list starting on `line` (0-based), if any: the last one a pre-order walk of
   * the tree meets, never entering paragraphs, headings or tables (they hold phrasing
   * content only). The first lookup walks only the nodes whose lines hold `line` (a list
   * starting there lies inside them); a second one indexes every list once, so a long
   * report with many lookups stays linear.
   */
  private bulletListAt(line: number): List | undefined {
    if (++this.bulletListLookups > 1) return (this.bulletLists ??= this.indexBulletLists()).get(line);
    let found: List | undefined;
    const visit = (node: Nodes) => {
      const pos = node.position;
      if (pos && (pos.start.line - 1 > line || pos.end.line - 1 < line)) return;
      if (node.type === 'list' && !node.ordered && pos && pos.start.line - 1 === line) found = node;
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return;
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(this.report.tree);
    return found;
  }

  /** Every bullet list by its first line (0-based); a later list on the same line wins. */
  private indexBulletLists(): Map<number, List> {
    const lists = new Map<number, List>();
    const visit = (node: Nodes) => {
      if (node.type === 'list' && !node.ordered && node.position) lists.set(node.position.start.line - 1, node);
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return;
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(this.report.tree);
    return lists;
  }

  opaque(start: number, end: number): boolean {
    return this.report.opaque.overlaps(start, end);
  }

  /**
   * Quoted slogans (“五个一”, “四大行动”) and `N个方面`, line by line, a line's slogans
   * first: the order the problems were always pushed in. Each kind is found by one scan of
   * the whole text, not by regexes run on every line.
   */
  announcements(): Announcement[] {
    const slogans = this.slogans();
    const aspects = this.aspects();
    if (aspects.length === 0) return slogans;
    if (slogans.length === 0) return aspects;
    const out: Announcement[] = [];
    let k = 0;
    for (const s of slogans) {
      while (k < aspects.length && aspects[k].line < s.line) out.push(aspects[k++]);
      out.push(s);
    }
    while (k < aspects.length) out.push(aspects[k++]);
    return out;
  }

  /** “五个一”, “四大行动”: a “, one to three numerals, then 个一 or 大 and a noun, and ”. */
  private slogans(): Announcement[] {
    const { text } = this;
    const out: Announcement[] = [];
    // One regex scan of the text (it skips to each “ faster than indexOf calls would).
    SLOGAN.lastIndex = 0;
    for (let m = SLOGAN.exec(text); m; m = SLOGAN.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const n = chineseNumeralValue(m[1]);
      if (n < 2 || this.opaque(start, end)) continue;
      const noun = m[3];
      out.push({
        start,
        end,
        label: m[0],
        n,
        after: end,
        line: this.report.lines.lineAt(start),
        // The items of “四大行动” name a 行动 each; those of “五个一” an 一X each.
        shape: noun ? (t: string) => t.includes(noun) : ONE_SHAPE,
        nextLine: true,
      });
    }
    return out;
  }

  /**
   * `三个方面`, `3个方面`: the numeral is the run of one to three Chinese numerals (or one
   * or two digits) right before 个方面, taken from its leftmost possible start, as a
   * left-to-right regex match would. Not inside quotes (a slogan names, it does not count).
   */
  private aspects(): Announcement[] {
    const { text } = this;
    const out: Announcement[] = [];
    // `方面` is searched and its `个` tested after: 个 is common, 方面 is not.
    for (let i = text.indexOf('方面'); i >= 0; i = text.indexOf('方面', i + 1)) {
      const ge = i - 1;
      if (text.charCodeAt(ge) !== 0x4e2a /* 个 */) continue;
      let start = ge;
      if (isCN(text.charCodeAt(ge - 1))) while (start > ge - 3 && isCN(text.charCodeAt(start - 1))) start--;
      else while (start > ge - 2 && isDigit(text.charCodeAt(start - 1))) start--;
      if (start === ge) continue;
      const end = i + 2;
      const numeral = text.slice(start, ge);
      const n = isDigit(numeral.charCodeAt(0)) ? Number(numeral) : chineseNumeralValue(numeral);
      if (n < 2 || this.opaque(start, end)) continue;
      const line = this.report.lines.lineAt(start);
      const from = this.report.lines.start(line);
      if (this.insideQuotes(this.report.lines.lineText(line), start - from)) continue;
      out.push({ start, end, label: `“${text.slice(start, end)}”`, n, after: end, line, shape: null, nextLine: true });
    }
    return out;
  }

  /** `制定8项措施：…`: a count with a list unit (the caller's test) and a noun, then an introducer. */
  countedAnnouncement(q: Quantity): Announcement | null {
    if (q.after.startsWith('方面')) return null;
    // The introducer follows a noun of at most 8 Han characters.
    const at = q.end + hanPrefixLength(q.after);
    if (!this.introducerAt(at)) return null;
    return {
      start: q.start,
      end: at,
      label: `“${this.text.slice(q.start, at)}”`,
      n: q.value,
      after: at,
      line: q.line,
      shape: null,
      nextLine: false,
    };
  }

  /** The introducer (`：`, `，即`…) starting at `at`, if any (the longest); returns its end. */
  private introducerAt(at: number): number | null {
    const c = this.text.charCodeAt(at);
    if (!oneOf(INTRODUCER_FIRST, c)) return null;
    // The second code unit first: most ， are not followed by 即, 分别, 具体.
    const next = this.text.charCodeAt(at + 1);
    for (const w of vocab.introducers) if (w.charCodeAt(0) === c && (w.length === 1 || w.charCodeAt(1) === next) && this.text.startsWith(w, at)) return at + w.length;
    return null;
  }

  /** Whether index `i` of `lineText` stands inside “…” (slogans are names, not counts). */
  private insideQuotes(lineText: string, i: number): boolean {
    const before = lineText.slice(Math.max(0, i - 12), i);
    const open = before.lastIndexOf('“');
    return open >= 0 && open > before.lastIndexOf('”') && lineText.slice(i, i + 16).includes('”');
  }

  /**
   * The 、-list that ends right at the announcement, in its clause: `建立一套…、…进行一次…“五个一”`
   * (each item an 一X when `oneItems`), `从思想、组织、作风三个方面`.
   */
  precedingList(a: Announcement, oneItems: boolean): Listing | null {
    const segments = this.splitQuoted(this.segmentsBefore(a.start, this.report.lines.start(a.line), false));
    if (segments.length < 2) return null;
    const texts = this.texts(segments);
    if (oneItems) {
      let shaped = 0;
      for (const t of texts) if (ONE_ITEM.test(t)) shaped++;
      if (!ONE_ITEM.test(texts[texts.length - 1]) || shaped * 2 < texts.length) return null;
    } else {
      for (let i = 1; i < texts.length; i++) {
        const t = texts[i];
        if (!NAME_LIKE.test(t.endsWith('等') ? t.slice(0, -1) : t)) return null;
      }
    }
    return this.listing(segments, texts);
  }

  /** A list the announcement introduces, or the run of items on the next line. */
  followingList(a: Announcement): Listing | null {
    let at = a.after;
    // A short name between a slogan and its introducer: “五个一”活动：
    if (a.shape) {
      const noun = /^[\p{Script=Han}]*/u.exec(this.text.slice(at, at + vocab.sloganNounsMax + 1))?.[0] ?? '';
      if (noun.length <= vocab.sloganNounsMax) at += noun.length;
    }
    const introduced = this.introducerAt(at);
    if (introduced !== null) return this.listAt(introduced);
    if (a.shape && (this.text[at] === '（' || this.text[at] === '(')) return this.bracketList(at);
    if (!a.nextLine) return null;
    // No introducer: `从三个方面推进。一是…` on the same line…
    const lineEnd = this.report.lines.end(a.line);
    const k = this.firstItemAfter(a.end);
    const item = this.report.items[k];
    if (item && item.line === a.line) {
      const gap = this.text.slice(a.end, item.start);
      // The gap is the rest of the count's own clause: `推进组织建设：`, `推进。`.
      if (item.value !== 1 || gap.length > 30 || !/^[^，,。；;：:！？!?]*[：:。，；]\s*\**$/u.test(gap)) return null;
      return this.itemRun(k, a.shape);
    }
    // …or a run opening the next line. A slogan's run must show the slogan's shape (each
    // item a 行动 of “四大行动”); `三个方面` must stand in its line's last sentence.
    if (!a.shape && !this.inLastSentence(a.after, lineEnd)) return null;
    return this.nextLineStructure(a.line, a.shape);
  }

  /**
   * Whether no sentence ends between `from` and the line's last sentence mark (looking at
   * most MAX_REACH characters ahead, so a long line costs linear time).
   */
  private inLastSentence(from: number, lineEnd: number): boolean {
    if (lineEnd - from > MAX_REACH) return false;
    const rest = withoutComments(this.text.slice(from, lineEnd)).replace(/[\s*]+$/u, '');
    const stop = rest.search(SENTENCE);
    return stop < 0 || stop === rest.length - 1;
  }

  /** The list after an introducer at `pos`: items, markers, or a 、/；-separated list. */
  private listAt(pos: number): Listing | null {
    const line = this.report.lines.lineAt(pos);
    const lineEnd = this.report.lines.end(line);
    let at = pos;
    while (at < lineEnd && /[\s*]/u.test(this.text[at])) at++;
    // A list is read within MAX_REACH characters: a long line costs linear time.
    const reach = Math.min(lineEnd, at + MAX_REACH);
    const rest = withoutComments(this.text.slice(at, reach)).trim();
    if (rest === '') return this.nextLineStructure(line, null);
    const k = this.firstItemAfter(at);
    const item = this.report.items[k];
    if (item && item.start === at) return item.value === 1 ? this.itemRun(k, null) : null;
    const markers = this.inlineMarkers(at, reach);
    if (markers) return markers;
    // A plain list up to the sentence end.
    let end = at;
    let depth = 0;
    for (; end < reach; end++) {
      const c = this.text[end];
      if (OPENS.has(c)) depth++;
      else if (CLOSES.has(c)) depth = Math.max(0, depth - 1);
      else if (depth === 0 && SENTENCE_MARKS.has(c)) break;
      if (this.text.startsWith('<!--', end)) break;
    }
    if (end === reach && reach < lineEnd) return null;
    return this.plainList(at, end);
  }

  /**
   * A list in `[from, to)` separated by ；, or else by 、. A 、-list is read only when no
   * comma stands in it at depth 0: `抓好党建、促进发展，推进乡村振兴` may go on after the
   * comma. Items holding a number are sub-counts (`其中思想方面5条、作风方面7条`), not items.
   */
  private plainList(from: number, to: number): Listing | null {
    if (/\d/u.test(this.text.slice(from, to))) return null;
    const semis = this.split(from, to, '；;');
    if (semis.length >= 2) {
      const last = semis[semis.length - 1];
      if (last[1] - last[0] === 0) semis.pop();
      if (semis.length < 2) return null;
      return this.listing(semis, semis.map(([s, e]) => this.text.slice(s, e)));
    }
    if (this.split(from, to, '，,').length > 1) return null;
    const segments = this.splitQuoted(this.split(from, to, '、'));
    if (segments.length < 2) return null;
    const texts = this.texts(segments);
    if (/^其中/u.test(texts[0]) || JOINED.test(texts[texts.length - 1].replace(/[“（(][^”）)]*[”）)]/gu, ''))) return null;
    return this.listing(segments, texts);
  }

  /** The 、/；-list inside the bracket opening at `open`: “四大行动”（A行动、B行动…）. */
  private bracketList(open: number): Listing | null {
    const reach = Math.min(this.text.length, open + MAX_REACH);
    let depth = 0;
    for (let i = open; i < reach; i++) {
      const c = this.text[i];
      if (c === '\n' || c === '\r') return null;
      if (OPENS.has(c)) depth++;
      else if (CLOSES.has(c) && --depth === 0) return this.plainList(open + 1, i);
    }
    return null;
  }

  /** Inline markers after an introducer: ①②③, （1）（2）, 1. 2. — counted in order. */
  private inlineMarkers(at: number, lineEnd: number): Listing | null {
    const s = this.text.slice(at, lineEnd);
    const patterns: [RegExp, (m: RegExpExecArray) => number][] = [
      [new RegExp(`[${CIRCLED}]`, 'gu'), (m) => CIRCLED.indexOf(m[0]) + 1],
      [/[（(](\d{1,2})[）)]/gu, (m) => Number(m[1])],
      [/(?<![\d.．])(\d{1,2})[.．、](?=[\p{Script=Han}“])/gu, (m) => Number(m[1])],
    ];
    for (const [re, value] of patterns) {
      re.lastIndex = 0;
      const first = re.exec(s);
      if (!first || first.index !== 0 || value(first) !== 1) continue;
      let count = 1;
      let last = first.index;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        if (value(m) === count + 1) {
          count++;
          last = m.index;
        } else if (value(m) === 1) break;
      }
      if (count < 2) return null;
      const end = at + last + 1;
      return { count, lower: false, start: at, end, summary: `${s.slice(0, first[0].length)}至${s.slice(last).match(re)?.[0] ?? ''}` };
    }
    return null;
  }

  /** Index of the first ordinal item starting at or after `offset` (items.length if none). */
  private firstItemAfter(offset: number): number {
    const items = this.report.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The run 一是, 二是… from item `k` (value 1): consecutive values in one section. */
  private itemRun(k: number, shape: ((t: string) => boolean) | null): Listing | null {
    const items = this.report.items;
    const first = items[k];
    const run = [first];
    while (k + 1 < items.length && items[k + 1].value === run[run.length - 1].value + 1 && items[k + 1].section === first.section) {
      run.push(items[++k]);
    }
    if (shape && !run.every((item) => shape(this.itemClause(item)))) return null;
    const last = run[run.length - 1];
    return { count: run.length, lower: false, start: first.start, end: last.end, summary: run.length > 1 ? `${first.text}至${last.text}` : first.text };
  }

  /** An item's first clause: from its `X是` to the first 。；, at most 40 characters. */
  private itemClause(item: OrdinalItem): string {
    const lineEnd = this.report.lines.end(item.line);
    const end = Math.min(lineEnd, item.end + 40);
    let stop = item.end;
    while (stop < end && !isClauseStop(this.text.charCodeAt(stop))) stop++;
    return this.text.slice(item.end, stop);
  }

  /** A run of 一是 items, （一） headings or bullets opening the next non-blank line. */
  private nextLineStructure(line: number, shape: ((t: string) => boolean) | null): Listing | null {
    const { lines } = this.report;
    let next = line + 1;
    while (next < lines.count && lines.lineText(next).trim() === '') next++;
    if (next >= lines.count) return null;
    const k = this.firstItemAfter(lines.start(next));
    const item = this.report.items[k];
    if (item && item.line === next && item.atLineHead) return item.value === 1 ? this.itemRun(k, shape) : null;
    if (shape) return null;
    const section = this.sectionAt(next);
    if (section?.heading.marker) {
      const marker = section.heading.marker;
      if (marker.value !== 1) return null;
      const siblings = section.parent >= 0 ? this.report.sections[section.parent].children : this.rootSections();
      const run = [section];
      for (let i = siblings.indexOf(section.index) + 1; i < siblings.length; i++) {
        const m = this.report.sections[siblings[i]].heading.marker;
        if (!m || m.level !== marker.level || m.value !== run.length + 1) break;
        run.push(this.report.sections[siblings[i]]);
      }
      const last = run[run.length - 1].heading;
      return { count: run.length, lower: false, start: section.heading.start, end: last.end, summary: run.length > 1 ? `${marker.text}至${last.marker!.text}` : marker.text };
    }
    const list = this.bulletListAt(next);
    if (list?.position) {
      return { count: list.children.length, lower: false, start: list.position.start.offset!, end: list.position.end.offset!, summary: `${list.children.length}个列表项` };
    }
    return null;
  }

  /**
   * The 、-list right before a count: `镇靖、冯庄2村`, `*村、*村等7个村` (places), or
   * `打造A村（…）、B村（…）党建示范品牌2个` (named items closed by noun + count). `kind` is
   * what the count's unit may count (UNIT_KIND).
   */
  listBeforeCount(q: Quantity, kind: number): (Listing & { label: string }) | null {
    if (this.text.charCodeAt(q.start - 1) === 0x5404 /* 各 */) return null;
    // Which shape the count may close, from the quantity alone, before any scan back: a
    // count of places, or a named-items count ending its clause. Most counts are neither.
    const placeUnit = (kind & PLACE_UNIT) !== 0;
    const placeNoun = kind & PLACE_IF_NOUN ? placeNounAfter(q.after) : undefined;
    const places = placeUnit || placeNoun !== undefined;
    const named = q.after === '' && (kind & NAMED_UNIT) !== 0 && endsNamedCount(this.text.charCodeAt(q.end));
    if (!places && !named) return null;
    const lineStart = this.report.lines.start(q.line);
    // A list belongs to the count after it: it starts after a segment holding a number.
    const segments = this.segmentsBefore(q.start, lineStart, true);
    if (segments.length < 2) return null;
    const texts = this.texts(segments);
    const written = this.text.slice(q.start, q.end);

    if (places && segments[segments.length - 1][1] === q.start) {
      for (let i = 1; i < texts.length; i++) if (!NAME_LIKE.test(bareName(texts[i]))) return null;
      return labelled(this.listing(segments, texts), `“${written}${placeUnit ? '' : (placeNoun ?? '')}”`);
    }

    // Named items, then noun and count closing the clause (or an item of a longer list).
    if (!named) return null;
    const opening = withoutLead(texts[0]);
    let verb: string | undefined;
    for (const v of vocab.creationVerbs) {
      if (opening.startsWith(v)) {
        verb = v;
        break;
      }
    }
    if (!verb) return null;
    // Each item is an owner's name with the item's own name in brackets or quotes
    // (`镇靖村（“六微”逐梦镇靖堡）`): one thing each. Bare quoted names (“优秀党员”) may be
    // categories holding many, and are not counted.
    const last = texts[texts.length - 1];
    const noun = last.slice(lastCloser(last) + 1);
    if (!/^[\p{Script=Han}]/u.test(noun)) return null;
    const items = texts.slice();
    items[items.length - 1] = last.slice(0, last.length - noun.length);
    items[0] = withoutLead(items[0]).slice(verb.length);
    for (const t of items) if (!NAMED_ITEM.test(t)) return null;
    return labelled(this.listing(segments, items), `“${noun.startsWith('等') ? noun.slice(1) : noun}${written}”`);
  }

  /** The text of each segment. */
  private texts(segments: readonly [number, number][]): string[] {
    const out: string[] = [];
    for (const [s, e] of segments) out.push(this.text.slice(s, e));
    return out;
  }

  /** Counts a list's segments by distinct names; a trailing 等 makes it a lower bound. */
  private listing(segments: [number, number][], texts: string[]): Listing {
    const names = new Set<string>();
    let count = 0;
    for (const t of texts) {
      const name = withoutDeng(t).trim();
      if (isRedacted(name) || !names.has(name)) count++;
      names.add(name);
    }
    const last = texts.length - 1;
    const lower = texts[last].trim().endsWith('等');
    let summary = '';
    if (texts.length > 6) summary = `${shortItem(texts[0])}、${shortItem(texts[1])}、${shortItem(texts[2])}、…、${shortItem(texts[last])}`;
    else for (let i = 0; i <= last; i++) summary += (i === 0 ? '' : '、') + shortItem(texts[i]);
    return { count, lower, start: segments[0][0], end: segments[last][1], summary };
  }

  /**
   * The 、-separated segments of the clause that ends at `pos`, found walking back: to the
   * last clause mark (，。；：！？) or unmatched opening bracket at depth 0. With `afterDigit`,
   * the list starts after the nearest segment holding a digit (`品牌2个、示范点1个`: the
   * second count has a list of its own). Looks back at most MAX_BACK characters; a clause
   * longer than that is not delimited (empty result).
   */
  private segmentsBefore(pos: number, lineStart: number, afterDigit: boolean): [number, number][] {
    const stop = Math.max(lineStart, pos - MAX_BACK);
    // Allocated at the first 、: many clauses scanned hold none.
    let separators: number[] | null = null;
    let depth = 0;
    let start = -1;
    for (let i = pos - 1; i >= stop; i--) {
      const kind = charKind(this.text.charCodeAt(i));
      if (kind === OTHER) continue;
      if (afterDigit && kind === DIGIT) {
        const next = separators?.pop();
        if (next === undefined) return [];
        start = next + 1;
        break;
      }
      if (kind === CLOSER) depth++;
      else if (kind === OPENER) {
        if (depth === 0) {
          start = i + 1;
          break;
        }
        depth--;
      } else if (depth === 0 && kind === CLAUSE_MARK) {
        start = i + 1;
        break;
      } else if (depth === 0 && kind === LIST_COMMA) (separators ??= []).push(i);
    }
    if (start < 0) {
      if (stop > lineStart) return [];
      start = stop;
    }
    const out: [number, number][] = [];
    let from = start;
    if (separators) {
      for (let k = separators.length - 1; k >= 0; k--) {
        out.push(this.trim(from, separators[k]));
        from = separators[k] + 1;
      }
    }
    out.push(this.trim(from, pos));
    return out;
  }

  /** Splits `[from, to)` at `seps` standing at bracket depth 0; segments are trimmed. */
  private split(from: number, to: number, seps: string): [number, number][] {
    const out: [number, number][] = [];
    let depth = 0;
    let start = from;
    for (let i = from; i < to; i++) {
      const c = this.text[i];
      if (OPENS.has(c)) depth++;
      else if (CLOSES.has(c)) depth = Math.max(0, depth - 1);
      else if (depth === 0 && seps.includes(c)) {
        out.push(this.trim(start, i));
        start = i + 1;
      }
    }
    out.push(this.trim(start, to));
    return out;
  }

  /**
   * Splits segments between adjacent quoted items: GB/T 15834-2011 puts no 顿号 between
   * them, so `“一次党课”“一次观摩”等` is two items.
   */
  private splitQuoted(segments: [number, number][]): [number, number][] {
    const out: [number, number][] = [];
    for (const [s, e] of segments) {
      const segment = this.text.slice(s, e);
      let start = s;
      for (let i = segment.indexOf('”“'); i >= 0; i = segment.indexOf('”“', i + 1)) {
        out.push([start, s + i + 1]);
        start = s + i + 1;
      }
      out.push([start, e]);
    }
    return out;
  }

  private trim(s: number, e: number): [number, number] {
    while (s < e && isSpace(this.text.charCodeAt(s))) s++;
    while (e > s && isSpace(this.text.charCodeAt(e - 1))) e--;
    return [s, e];
  }
}
