/**
 * National congresses and the months they met, parsed once from rules/data/congresses.yaml,
 * for slogan-canonical's reading of a congress named as current in a report of a later term
 * (rules/wording/slogan-congresses.ts).
 */
import { type DataSource, dataOf, wordList } from './yaml-data';
import text from './congresses.yaml';

const FILE = 'rules/data/congresses.yaml';
const ORDINAL = /^[一二三四五六七八九十]{1,3}$/u;
const MONTH = /^(\d{4})-(\d{2})$/u;

/** One congress of a series: its ordinal (十九) and the year and month it met. */
export interface Meeting {
  n: string;
  year: number;
  month: number;
}

/** One way of naming a congress: what stands before its ordinal and what after it. */
export interface CongressForm {
  /**
   * Whether the name stands around the ordinal `n` at `at` of `text`: the lengths (UTF-16
   * code units) of the name before and after the ordinal, or null.
   */
  match(text: string, at: number, n: string): { before: number; after: number } | null;
}

/** How far before its ordinal a congress's name may start (中国共产主义青年团第: 10). */
const PREFIX_REACH = 16;

/** The form `source` (a pattern with {n} for the ordinal) as a CongressForm. */
function formOf(source: string): CongressForm {
  const [prefix, suffix] = source.split('{n}');
  const before = new RegExp(`(?:${prefix})$`, 'u');
  const after = new RegExp(suffix, 'uy');
  return {
    match(text, at, n) {
      const lead = before.exec(text.slice(Math.max(0, at - PREFIX_REACH), at));
      if (lead === null) return null;
      after.lastIndex = at + n.length;
      const tail = after.exec(text);
      return tail === null ? null : { before: lead[0].length, after: tail[0].length };
    },
  };
}

/** A series of national congresses (the Party's, the women's federation's…). */
export interface CongressSeries {
  name: string;
  /** The ways reports name one congress of the series. */
  forms: CongressForm[];
  /** Its congresses in the order they met. */
  meetings: Meeting[];
  source: string;
}

export interface CongressData {
  series: CongressSeries[];
  /** Verbs of carrying out that name a congress as current before it (学习贯彻, 落实). */
  verbs: string[];
  /** What is carried out after the name (精神, 部署). */
  objects: string[];
  /** Words of an account of the past in the sentence (以来, 回顾). */
  history: string[];
  /** Phrases of 以来 that count from the present period (今年以来): no account of the past. */
  presentSince: string[];
}

/**
 * Parses the data.
 *
 * @throws Error naming the file and series when a form lacks {n}, a meeting's ordinal or
 *   month is malformed, or the meetings are out of order
 */
export function loadCongresses(source: DataSource): CongressData {
  const raw = dataOf(source) as { series?: unknown; verbs?: unknown; objects?: unknown; history?: unknown; present_since?: unknown };
  if (!Array.isArray(raw.series)) throw new Error(`${FILE}: "series" must be a list`);
  const series = raw.series.map((item: unknown, i) => {
    const s = (item ?? {}) as Record<string, unknown>;
    const where = `series[${i}]`;
    const forms = wordList(s.forms, FILE, `${where}.forms`);
    if (typeof s.name !== 'string' || typeof s.source !== 'string' || s.source === '' || forms.some((f) => f.split('{n}').length !== 2)) {
      throw new Error(`${FILE}: ${where} needs a name, a source and forms holding {n}`);
    }
    if (!Array.isArray(s.meetings) || s.meetings.length < 2) throw new Error(`${FILE}: ${where}.meetings must list two congresses or more`);
    const meetings = s.meetings.map((m: unknown, k) => {
      const r = (m ?? {}) as Record<string, unknown>;
      const month = typeof r.met === 'string' ? MONTH.exec(r.met) : null;
      if (typeof r.n !== 'string' || !ORDINAL.test(r.n) || month === null) throw new Error(`${FILE}: ${where}.meetings[${k}] needs an ordinal (n: 十九) and a month (met: '2017-10')`);
      return { n: r.n, year: Number(month[1]), month: Number(month[2]) };
    });
    for (let k = 1; k < meetings.length; k++) {
      if (meetings[k].year * 12 + meetings[k].month <= meetings[k - 1].year * 12 + meetings[k - 1].month) throw new Error(`${FILE}: ${where}.meetings must be in the order they met`);
    }
    return { name: s.name, forms: forms.map(formOf), meetings, source: s.source };
  });
  return {
    series,
    verbs: wordList(raw.verbs, FILE, 'verbs'),
    objects: wordList(raw.objects, FILE, 'objects'),
    history: wordList(raw.history, FILE, 'history'),
    presentSince: wordList(raw.present_since, FILE, 'present_since'),
  };
}

/** The congress series of rules/data/congresses.yaml. */
export const congresses: CongressData = loadCongresses(text);
