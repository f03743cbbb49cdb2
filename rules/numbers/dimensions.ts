/**
 * Parts of one dimension that cannot overlap: age bands (`30岁以下`, `31至50岁`, `51岁以上`)
 * schooling levels (`本科学历`, `大专`, `高中及以下`), professional title levels (`中级职称`,
 * `初级及以下`) and cadre rank tiers (`县处级`, `科级及以下`). Such parts split the total, so
 * together they are at most the total, and exactly the total when the bands cover the whole
 * range (from `N岁以下` to `M岁以上`, from the lowest level to the highest). Age bands are
 * recognised by their construction; schooling levels are data
 * (rules/data/sentence-numbers.yaml `education_levels`). Used by breakdowns.ts.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Mode } from './breakdown-mode';

const words = sentenceNumbers.breakdown;

/** A band on one scale: years of age, or schooling levels (0 the lowest). Bounds inclusive. */
interface Band {
  lo: number;
  hi: number;
}

/** Above every age a report names. */
const AGE_TOP = 1000;

/** `30岁以下`, `30岁及以下`; `51岁以上`; `31至50岁`, `31-50岁`, `31岁至50岁` (after the fillers are removed). */
const AGE_BELOW = /^(\d{1,3})岁?[及或]?以下$/u;
const AGE_ABOVE = /^(\d{1,3})岁?[及或]?以上$/u;
const AGE_RANGE = /^(\d{1,3})岁?(?:至|到|-|—|－|~|～|–)(\d{1,3})岁(?:之间)?$/u;

/** `label` without the words that only name the counted people or the dimension (党员, 学历, 的…). */
function core(label: string): string {
  let out = label.includes('周岁') ? label.replace(/周岁/gu, '岁') : label;
  // Split and joined only where the filler stands: most labels hold one or two of the 16
  // (this function was a third of total-breakdown's time on seed 003 before).
  for (const filler of words.dimensionFillers) if (out.includes(filler)) out = out.split(filler).join('');
  return out;
}

/** The age band a part's label names, or null (`35岁以下青年党员` → [0, 35]). */
function ageBand(label: string): Band | null {
  const text = core(label);
  let m = AGE_BELOW.exec(text);
  if (m) return { lo: 0, hi: Number(m[1]) };
  m = AGE_ABOVE.exec(text);
  if (m) return { lo: Number(m[1]), hi: AGE_TOP };
  m = AGE_RANGE.exec(text);
  if (m && Number(m[1]) < Number(m[2])) return { lo: Number(m[1]), hi: Number(m[2]) };
  return null;
}

/** The schooling band a part's label names, or null (`大专及以上学历` → [大专, top]). */
function educationBand(label: string, levels: readonly (readonly string[])[] = words.educationLevels): Band | null {
  const text = core(label);
  for (let level = 0; level < levels.length; level++) {
    for (const word of levels[level]) {
      if (!text.startsWith(word)) continue;
      const rest = text.slice(word.length);
      if (rest === '') return { lo: level, hi: level };
      if (/^[及或]?以上$/u.test(rest)) return { lo: level, hi: levels.length - 1 };
      if (/^[及或]?以下$/u.test(rest)) return { lo: 0, hi: level };
      return null;
    }
  }
  return null;
}

/** Whether `label` names an age band or a schooling level (`36至45岁的党员`, `本科学历`). */
export function isBand(label: string): boolean {
  return ageBand(label) !== null || educationBand(label) !== null || educationBand(label, words.titleLevels) !== null;
}

/**
 * How parts labelled by bands of one dimension answer to their total: `sum` when the bands
 * do not overlap and cover the whole scale, `atMost` when they do not overlap, null when
 * the labels are not all bands of one dimension or two bands overlap. Age bands may share
 * a bound (`35岁以下`, `35至50岁`: writers name the boundary twice); schooling levels may not.
 */
export function dimensionMode(labels: readonly string[]): Mode | null {
  if (labels.length < 2) return null;
  const ages: Band[] = [];
  const schooling: Band[] = [];
  const titles: Band[] = [];
  const ranks: Band[] = [];
  for (const label of labels) {
    const age = ageBand(label);
    if (age) ages.push(age);
    else {
      const level = educationBand(label);
      const title = level ? null : educationBand(label, words.titleLevels);
      const rank = level || title ? null : educationBand(label, words.cadreLevels);
      if (level) schooling.push(level);
      else if (title) titles.push(title);
      else if (rank) ranks.push(rank);
      else return null;
    }
  }
  if (ages.length === labels.length) return modeOf(ages, 0, AGE_TOP, 0, 1);
  if (schooling.length === labels.length) return modeOf(schooling, 0, words.educationLevels.length - 1, 1, 1);
  if (titles.length === labels.length) return modeOf(titles, 0, words.titleLevels.length - 1, 1, 1);
  if (ranks.length === labels.length) return modeOf(ranks, 0, words.cadreLevels.length - 1, 1, 1);
  return null;
}

/**
 * "其中县处级干部2860人次、科级及以下干部7150人次、企业和社区干部1290人次": the labels that name
 * a cadre rank tier or a band of tiers (`cadre_levels`: 县处级, 科级及以下), as an array of
 * flags parallel to `labels`, when at least one does and no two such bands overlap. Their
 * 以上/以下 bounds a band on the rank ladder, not an attribute that cuts across the other
 * parts (breakdown-mode.ts listMode). Null when no label is a rank band or two of them
 * overlap (`处级以上`, `科级以上`: the first is inside the second).
 */
export function rankBands(labels: readonly string[]): boolean[] | null {
  const flags: boolean[] = [];
  const bands: Band[] = [];
  for (const label of labels) {
    const rank = educationBand(label, words.cadreLevels);
    flags.push(rank !== null);
    if (rank) bands.push(rank);
  }
  if (bands.length === 0) return null;
  if (bands.length > 1 && modeOf(bands, 0, words.cadreLevels.length - 1, 1, 1) === null) return null;
  return flags;
}

/**
 * `sum` or `atMost` for bands on a scale [bottom, top], null if two overlap by more than
 * `shared` (0: they may share a bound; 1: they may not). Bands cover the scale when each
 * starts at most `step` after the previous one ends.
 */
function modeOf(bands: Band[], bottom: number, top: number, shared: number, step: number): Mode | null {
  const sorted = [...bands].sort((a, b) => a.lo - b.lo || a.hi - b.hi);
  let covers = sorted[0].lo === bottom && sorted[sorted.length - 1].hi === top;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].lo < sorted[i - 1].hi + shared) return null;
    if (sorted[i].lo > sorted[i - 1].hi + step) covers = false;
  }
  return covers ? 'sum' : 'atMost';
}
