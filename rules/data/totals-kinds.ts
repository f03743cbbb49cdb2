/**
 * The vocabulary of total-breakdown's readings of kinds (parts-named-kinds.ts,
 * parts-standing.ts, parts-member-classes.ts), parsed once from totals-kinds.yaml (bundled as
 * text by esbuild, loaded as text by the mocha hook).
 */
import { type DataSource, dataOf, wordAlternation, wordList } from './yaml-data';
import text from './totals-kinds.yaml';

export interface TotalsKindsData {
  /** General measure words (件, 项…) whose parts may be counted in their kinds' own. */
  generalUnits: ReadonlySet<string>;
  /** Anchored: a label that is a short lead and a 政治面貌 (group 1), with a staff noun after it. */
  standing: RegExp;
  /** The standings that are the rest of a unit (群众). */
  standingRest: ReadonlySet<string>;
  /** Anchored: a label that is member classes joined by 和/及/、 and 党员 (`离退休党员`). */
  memberClasses: RegExp;
  /** Unanchored: one of the classes that must be named for memberClasses to be read. */
  memberClassAnchor: RegExp;
  /** Unanchored: the working side of the member classes (在职, 在岗). */
  memberWorking: RegExp;
  /** Unanchored: the retired side of the member classes (离退休, 退休). */
  memberRetired: RegExp;
}

const FILE = 'rules/data/totals-kinds.yaml';
const list = (words: unknown, where: string): string[] => wordList(words, FILE, where);
const alternation = wordAlternation;

function load(source: DataSource): TotalsKindsData {
  const raw = dataOf(source) as Record<string, unknown>;
  const classes = alternation(list(raw.member_classes, 'member_classes'));
  return {
    generalUnits: new Set(list(raw.general_units, 'general_units')),
    standing: new RegExp(`^[\\u4e00-\\u9fff]{0,6}?(${alternation(list(raw.standings, 'standings'))})(?:职工|员工|干部)?$`, 'u'),
    standingRest: new Set(list(raw.standing_rest, 'standing_rest')),
    memberClasses: new RegExp(`^(?:${classes})(?:[和及、](?:${classes}))*(?:职工)?党员$`, 'u'),
    memberClassAnchor: new RegExp(alternation(list(raw.member_class_anchors, 'member_class_anchors')), 'u'),
    memberWorking: new RegExp(alternation(list(raw.member_class_working, 'member_class_working')), 'u'),
    memberRetired: new RegExp(alternation(list(raw.member_class_retired, 'member_class_retired')), 'u'),
  };
}

/** The vocabulary of total-breakdown's readings of kinds (rules/data/totals-kinds.yaml). */
export const totalsKinds: TotalsKindsData = load(text);
