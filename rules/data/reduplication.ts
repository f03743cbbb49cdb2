/**
 * Doubled characters — which to suspect, which are right — parsed once from
 * rules/data/reduplication.yaml (bundled as text by esbuild). Read by `duplicate-char`. The loader checks the data and throws on a
 * mistake, naming the file and group.
 */
import { type DataSource, dataOf } from './yaml-data';
import reduplicationText from './reduplication.yaml';
import commonWordsText from './common-words.yaml';

/** A list of the data file with its source. */
interface Group<T> {
  source: string;
  items: T;
}

/**
 * How a suspect's doubling is explained: a particle by a word on either side (目的|的,
 * 为了|了解), a suffix only by a word starting at the second character (县级|级别).
 */
export type SuspectKind = 'particle' | 'suffix';

export interface ReduplicationData {
  /** The characters whose doubling the rule reports unless explained, with their kind. */
  suspects: ReadonlyMap<string, SuspectKind>;
  /** Characters that are right doubled wherever they stand (常, 人, 村). */
  chars: ReadonlySet<string>;
  /** Words holding a doubled character (实实在在), or starting with a suspect (员额). */
  words: readonly string[];
  /** Characters that are nouns or noun morphemes (企, 党): never a verb tried out (洗洗澡). */
  nouns: ReadonlySet<string>;
  /**
   * Characters that stand alone as a word before a noun (新, 大, 全: 创新|新|路径): a copy of
   * one between two words may be that word, never certainly a slip.
   */
  modifiers: ReadonlySet<string>;
  /**
   * One-character words that open what comes after a subject or a verb (对, 以, 未 …): a word's
   * last character typed again before one of them stands alone (加强|强|对|课堂).
   */
  openersAfter: ReadonlySet<string>;
  /**
   * Characters naming a measured property of a substance or a supply (质 of 水质, 量, 位, 价…):
   * in AB|X|XY (出厂|水|水质) the copy of the noun X ends a name of the substance and the
   * word after names its property, never certainly a slip.
   */
  attributes: ReadonlySet<string>;
  /**
   * One-character prepositions that take a noun object (以, 把, 对, 向…): in 以|党|党风 the
   * first copy of a noun after one is its whole object only if nothing follows it as a word,
   * so a word starting at the second copy leaves the first stranded, like a word before it.
   */
  prepositions: ReadonlySet<string>;
  /**
   * One-character prepositions (在, 对, 把 …, all particle suspects) that open a clause: a pair
   * of one at the start of a run of Han text (`，在在全市`) is a slip, where a doubled
   * measure word there is distributive (`、级级传导`). Left to the word checks: a word
   * starting at the second copy (在|在职, 对|对象, 把|把关) makes the pair two words.
   */
  openingPrepositions: ReadonlySet<string>;
  /**
   * One-character verbs of causing (让, 使, 令, 叫, 请) whose object is the subject of the
   * predicate after it (让党员亮身份): before a doubled noun (让|党|党员) one reads as a
   * preposition does, and may follow an adverb the segmenter joins to no word (都让, 要使).
   */
  pivots: ReadonlySet<string>;
  /**
   * One-character verbs that take a noun object with nothing between (抓, 管, 建, 促…: 抓党建,
   * 促发展, 带队伍): standing as a word of their own (a word or no Han text right before, none
   * ending at them), one reads before a doubled noun as a preposition does (抓|党|党建).
   */
  objectVerbs: ReadonlySet<string>;
  /**
   * Characters whose pair is a noun phrase meaning "every one" (人人, 个个): after a
   * one-character preposition the pair is its object (为|人人|享有), never a slip, where the
   * preposition and the first copy happen to make a word (为人). Not the adverbs (时时, 处处:
   * 按时|时|参加 is a slip).
   */
  everyNouns: ReadonlySet<string>;
  /** Known error shapes, compiled with the `g` and `u` flags; each match is exactly the doubled pair. */
  errors: readonly RegExp[];
  /**
   * Titles of posts whose last character is also a verb the text puts right after them
   * (主任 + 任 "to serve as": 副主任任组织委员): the pair across the title and the verb is right.
   */
  titleVerbs: readonly string[];
  /**
   * Units' one-character short names that stand as a word before a Party body (局党组,
   * 院党委, 校党总支): a noun doubled right after one (局|党|党组) is a slip.
   */
  unitAbbreviations: ReadonlySet<string>;
  /** One-character words pointing at the unit before its short name (我局, 本院, 该校). */
  unitPointers: ReadonlySet<string>;
  /**
   * Characters that make a state word with 在 (在职, 在建, 在研, 在审): after a doubled 在
   * opening a clause, the second copy and such a character are one word (`在|在建项目`).
   */
  zaiStates: ReadonlySet<string>;
  /** One-character personal pronouns (我, 他): never reduplicated one by one (`我我始终`). */
  pronouns: ReadonlySet<string>;
  /**
   * Words where two words meet on one character across a name and a common noun (人民路|路口,
   * 大众街|街道): they explain a pair as `words` do, but hold no reduplicated character, so
   * they make no character one that is right doubled only inside listed words.
   */
  junctions: readonly string[];
}

const FILE = 'rules/data/reduplication.yaml';

function groups<T>(value: unknown, name: string, check: (items: unknown) => items is T): Group<T>[] {
  if (!Array.isArray(value)) throw new Error(`${FILE}: "${name}" must be a list of groups`);
  return value.map((g: { source?: unknown; items?: unknown }, i) => {
    if (typeof g?.source !== 'string' || g.source.trim() === '') throw new Error(`${FILE}: ${name}[${i}] needs a source`);
    if (!check(g.items)) throw new Error(`${FILE}: ${name}[${i}].items has the wrong shape`);
    return { source: g.source, items: g.items };
  });
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isHanOnly = (s: string) => /^\p{Script=Han}+$/u.test(s);

/** The Han characters of every group of the character list `name`; throws naming a group holding anything else. */
function hanChars(value: unknown, name: string): Set<string> {
  const out = new Set<string>();
  for (const g of groups(value, name, isString)) {
    if (!isHanOnly(g.items)) throw new Error(`${FILE}: ${name} "${g.source}" must hold Han characters only`);
    for (const c of g.items) out.add(c);
  }
  return out;
}

/**
 * Parses and checks the reduplication data.
 *
 * @param source the YAML text of rules/data/reduplication.yaml
 * @throws Error naming the file and group when a group lacks its source, a character list
 *   holds anything but Han characters, a suspect group has no valid kind, a word is shorter
 *   than 2 Han characters, or an error pattern does not compile
 */
export function loadReduplication(source: DataSource): ReduplicationData {
  const raw = dataOf(source) as Record<string, unknown>;
  const suspects = new Map<string, SuspectKind>();
  for (const [i, g] of groups(raw.suspects, 'suspects', isString).entries()) {
    const kind = (raw.suspects as { kind?: unknown }[])[i].kind;
    if (kind !== 'particle' && kind !== 'suffix') throw new Error(`${FILE}: suspects[${i}].kind must be particle or suffix`);
    if (!isHanOnly(g.items)) throw new Error(`${FILE}: suspects "${g.source}" must hold Han characters only`);
    for (const c of g.items) suspects.set(c, kind);
  }
  const chars = hanChars(raw.chars, 'chars');
  const nouns = hanChars(raw.nouns ?? [], 'nouns');
  const modifiers = hanChars(raw.modifiers ?? [], 'modifiers');
  const openersAfter = hanChars(raw.openers_after ?? [], 'openers_after');
  const attributes = hanChars(raw.attributes ?? [], 'attributes');
  const prepositions = hanChars(raw.prepositions ?? [], 'prepositions');
  const openingPrepositions = hanChars(raw.opening_prepositions ?? [], 'opening_prepositions');
  for (const c of openingPrepositions) {
    if (suspects.get(c) !== 'particle') throw new Error(`${FILE}: opening_prepositions: ${c} must be a particle suspect`);
  }
  const pivots = hanChars(raw.pivots ?? [], 'pivots');
  const objectVerbs = hanChars(raw.object_verbs ?? [], 'object_verbs');
  const everyNouns = hanChars(raw.every_nouns ?? [], 'every_nouns');
  const words: string[] = [];
  const junctions: string[] = [];
  for (const [key, out] of [['words', words], ['junctions', junctions]] as const) {
    for (const g of groups(key === 'words' ? raw.words : raw.junctions ?? [], key, isStrings)) {
      for (const w of g.items) {
        if (w.length < 2 || !isHanOnly(w)) throw new Error(`${FILE}: word ${JSON.stringify(w)} must be 2 or more Han characters`);
        out.push(w);
      }
    }
  }
  // A junction explains a pair wherever a listed word does.
  words.push(...junctions);
  const unitAbbreviations = hanChars(raw.unit_abbreviations ?? [], 'unit_abbreviations');
  const unitPointers = hanChars(raw.unit_pointers ?? [], 'unit_pointers');
  const zaiStates = hanChars(raw.zai_states ?? [], 'zai_states');
  const pronouns = hanChars(raw.pronouns ?? [], 'pronouns');
  const errors = ((raw.errors ?? []) as { source?: unknown; pattern?: unknown }[]).map((e, i) => {
    if (typeof e.source !== 'string' || !e.source.trim()) throw new Error(`${FILE}: errors[${i}] needs a source`);
    if (typeof e.pattern !== 'string') throw new Error(`${FILE}: errors[${i}].pattern must be a string`);
    try {
      return new RegExp(e.pattern, 'gu');
    } catch (error) {
      throw new Error(`${FILE}: errors[${i}]: bad pattern ${JSON.stringify(e.pattern)}: ${(error as Error).message}`);
    }
  });
  const titleVerbs: string[] = [];
  for (const g of groups(raw.title_verbs ?? [], 'title_verbs', isStrings)) {
    for (const w of g.items) {
      if (w.length < 2 || !isHanOnly(w)) throw new Error(`${FILE}: title ${JSON.stringify(w)} must be 2 or more Han characters`);
      titleVerbs.push(w);
    }
  }
  return { suspects, chars, nouns, modifiers, openersAfter, attributes, prepositions, openingPrepositions, pivots, objectVerbs, everyNouns, words, errors, titleVerbs, unitAbbreviations, unitPointers, zaiStates, pronouns, junctions };
}

/** Legitimate doubled characters (rules/data/reduplication.yaml). */
export const reduplication: ReduplicationData = loadReduplication(reduplicationText);

const WORDS_FILE = 'rules/data/common-words.yaml';
/** The line that opens the derived list: everything after it is words and whitespace. */
const WORDS_KEY = '\nwords: |\n';

/**
 * Reads the common-word list of rules/data/common-words.yaml: its header (source, extra
 * groups) and its long derived list (tens of thousands of words), split on whitespace.
 * As YAML text (tests' own lists) only the header is parsed as YAML: splitting gives the
 * same value a block scalar does, a hundred times faster.
 *
 * @param source the file's data (parsed at build time), or its YAML text, in which the
 *   list must be the last key, written `words: |`
 * @returns the words, each 2–4 Han characters
 * @throws Error naming the file when the header lacks its source, an extra group lacks its
 *   source, or a word is not 2–4 Han characters
 */
export function loadCommonWords(source: DataSource): ReadonlySet<string> {
  let head: Record<string, unknown>;
  let list: string;
  if (typeof source === 'string') {
    const at = source.indexOf(WORDS_KEY);
    if (at < 0) throw new Error(`${WORDS_FILE}: the list must be the last key, "words: |"`);
    head = dataOf(source.slice(0, at)) as Record<string, unknown>;
    list = source.slice(at + WORDS_KEY.length);
  } else {
    head = source as Record<string, unknown>;
    if (typeof head.words !== 'string') throw new Error(`${WORDS_FILE}: the list must be the last key, "words: |"`);
    list = head.words;
  }
  if (typeof head?.source !== 'string' || head.source.trim() === '') throw new Error(`${WORDS_FILE}: needs a source`);
  const words = new Set<string>();
  const add = (w: string) => {
    if (w.length < 2 || w.length > 4 || !isHanOnly(w)) throw new Error(`${WORDS_FILE}: word ${JSON.stringify(w)} must be 2–4 Han characters`);
    words.add(w);
  };
  for (const g of groups(head.extra ?? [], 'extra (in common-words.yaml)', isStrings)) for (const w of g.items) add(w);
  // The file as built (its data): the list is looked up where it stands, not split into
  // tens of thousands of strings at the first doubled character (≈50 ms and the garbage
  // of a Set, paid by every run of the CLI that meets one). The unit test checks its words.
  if (typeof source !== 'string') return new WordIndex(list, words);
  // The derived list was checked when it was made; only its shape is checked here, cheaply.
  for (const w of list.split(/\s+/)) {
    if (w === '') continue;
    if (w.length < 2 || w.length > 4) throw new Error(`${WORDS_FILE}: word ${JSON.stringify(w)} must be 2–4 Han characters`);
    words.add(w);
  }
  return words;
}

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/**
 * A whitespace-separated word list as a set, looked up in place: the list as built holds
 * one line per first code unit (scripts/yaml-data.mjs), split once into a map from that
 * code unit to its line (no allocation per word), and `has` searches only that line for
 * the word between whitespace. Iterating or counting splits the text once, on demand (tests).
 */
class WordIndex implements ReadonlySet<string> {
  /** First code unit → the runs of the list holding the words that start with it. */
  private runs: Map<number, string> | null = null;
  private all: Set<string> | null = null;

  constructor(
    private readonly list: string,
    private readonly extra: ReadonlySet<string>,
  ) {}

  has(word: string): boolean {
    if (this.extra.has(word)) return true;
    if (word.length === 0) return false;
    const run = this.index().get(word.charCodeAt(0));
    if (run === undefined) return false;
    for (let at = run.indexOf(word); at >= 0; at = run.indexOf(word, at + 1)) {
      const end = at + word.length;
      if ((at === 0 || isSpace(run.charCodeAt(at - 1))) && (end === run.length || isSpace(run.charCodeAt(end)))) return true;
    }
    return false;
  }

  /**
   * The runs by first code unit. The list as built has one line per first code unit
   * (scripts/yaml-data.mjs groups it), so this splits the lines; a first code unit met on
   * two lines would still get both (joined by a space).
   */
  private index(): Map<number, string> {
    if (this.runs) return this.runs;
    const runs = new Map<number, string>();
    for (const line of this.list.split('\n')) {
      const run = line.trim();
      if (run === '') continue;
      const first = run.charCodeAt(0);
      const before = runs.get(first);
      runs.set(first, before === undefined ? run : `${before} ${run}`);
    }
    this.runs = runs;
    return runs;
  }

  private words(): Set<string> {
    this.all ??= new Set([...this.extra, ...this.list.split(/\s+/).filter((w) => w !== '')]);
    return this.all;
  }

  get size(): number {
    return this.words().size;
  }
  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    this.words().forEach((w) => callback.call(thisArg, w, w, this));
  }
  entries(): SetIterator<[string, string]> {
    return this.words().entries();
  }
  keys(): SetIterator<string> {
    return this.words().keys();
  }
  values(): SetIterator<string> {
    return this.words().values();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.words().values();
  }
}

let common: ReadonlySet<string> | null = null;

/**
 * Common words ICU's dictionary lacks (rules/data/common-words.yaml), for `duplicate-char`:
 * parsed on first use, as most reports never hold a doubled content character and the
 * list is large.
 */
export function commonWords(): ReadonlySet<string> {
  common ??= loadCommonWords(commonWordsText);
  return common;
}
