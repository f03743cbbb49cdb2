/**
 * The vocabulary of what a list of parts claims about its total (rules/numbers/part-claims.ts),
 * parsed once from part-claims.yaml (bundled as text by esbuild, loaded as text by the mocha hook).
 */
import { type DataSource, dataOf, wordAlternation, wordList } from './yaml-data';
import text from './part-claims.yaml';

export interface PartClaimsData {
  /** Each attribute's name and an unanchored pattern of the words naming it in a label. */
  attributes: readonly { name: string; words: RegExp }[];
  /** Unanchored: a meeting word in the total's clause (会议, 会). */
  meeting: RegExp;
  /** Anchored at the end: a label ending in an agenda verb (学习, 研讨…). */
  agendaEnding: RegExp;
  /** Anchored at the end: a label ending in a meeting word (支委会, 党组会议). */
  meetingEnding: RegExp;
  /** Unanchored: a word of the total's clause that makes it a count of study sessions (学习). */
  studyTotal: RegExp;
  /** Anchored at the end: a label ending in a way of studying (集中学习, 专题研讨). */
  studyForm: RegExp;
  /** Unanchored: an outcome word in a label (被, 获…). */
  outcome: RegExp;
  /** Verbs of doing what a total counts (开展, 举办…): `doing_verbs`. */
  doingVerbs: readonly string[];
  /** Words a label of manner or occasion opens with (联合, 结合…): `manner_openers`. */
  mannerOpeners: readonly string[];
  /** Anchored at the start: a clause mark and a word naming the rest (`，其余`). */
  rest: RegExp;
  /** Unanchored: a word that makes an inserted modifier name another set, no sub-part (非, 以上, 及). */
  notSubPart: RegExp;
}

const FILE = 'rules/data/part-claims.yaml';
const list = (words: unknown, where: string): string[] => wordList(words, FILE, where);
const alternation = wordAlternation;

function load(source: DataSource): PartClaimsData {
  const raw = dataOf(source) as Record<string, unknown>;
  const attrs = raw.attributes as Record<string, unknown> | undefined;
  if (!attrs || typeof attrs !== 'object') throw new Error('rules/data/part-claims.yaml: attributes must map names to word lists');
  const meetings = list(raw.meeting_words, 'meeting_words');
  return {
    attributes: Object.entries(attrs).map(([name, words]) => ({ name, words: new RegExp(alternation(list(words, `attributes.${name}`)), 'u') })),
    meeting: new RegExp(alternation(meetings), 'u'),
    agendaEnding: new RegExp(`(?:${alternation(list(raw.agenda_endings, 'agenda_endings'))})$`, 'u'),
    meetingEnding: new RegExp(`(?:${alternation(meetings)})$`, 'u'),
    studyTotal: new RegExp(alternation(list(raw.study_totals, 'study_totals')), 'u'),
    studyForm: new RegExp(`(?:${alternation(list(raw.study_forms, 'study_forms'))})$`, 'u'),
    outcome: new RegExp(alternation(list(raw.outcome_words, 'outcome_words')), 'u'),
    doingVerbs: list(raw.doing_verbs, 'doing_verbs'),
    mannerOpeners: list(raw.manner_openers, 'manner_openers'),
    rest: new RegExp(`^[，,、；;](?:${alternation(list(raw.rest_words, 'rest_words'))})`, 'u'),
    notSubPart: new RegExp(alternation(list(raw.not_sub_part, 'not_sub_part')), 'u'),
  };
}

/** The vocabulary of part claims (rules/data/part-claims.yaml). */
export const partClaims: PartClaimsData = load(text);
