/**
 * Lists whose items are numbered names rather than counts, for respectively-count: groups and
 * places named by number (`一组、二组、三组`), items numbered in order with one noun (`一期、二期、
 * 三期`), and bare numerals that may be half of a numeral pair (`一、二年级合并的党小组`). The
 * numerals there name things one each; read as counts they would add up to members no text
 * states. Split from list-respectively.ts, which finds the subjects and values of 分别.
 */
import { listsData } from '../data/lists';
import type { EnumeratedList } from './lists';
import { chineseNumeralValue } from './numerals';

/** `一组`, `三村`: a Chinese numeral and a noun of lists.yaml ordinal_name_units (村民小组 named by number). */
const ORDINAL_NAME = new RegExp(`^[一二三四五六七八九十]{1,3}(?:${[...listsData.ordinalNameUnits].sort((a, b) => b.length - a.length).join('|')})$`, 'u');
/**
 * Whether every item of `values` is a numbered name (`一组、二组、三组`, `一村、二村`): names rather
 * than numbers, so a list of them is values here and subjects in respectively-count.
 */
export function ordinalNames(values: EnumeratedList): boolean {
  return values.items.every((i) => ORDINAL_NAME.test(i.text));
}

/** An item ending in a Chinese numeral and a short noun (`二期`, `园区一期`, `三号楼`). */
const NUMBERED_ITEM = /([一二三四五六七八九十]{1,3})(\p{Script=Han}{1,3})$/u;

/**
 * Whether `list` numbers its items in order with one noun (`一期、二期、三期`, `一号楼、二号楼`,
 * `园区一期、二期`: a lead word on the first item only): the numerals name the items, one
 * thing each, and count no members, whatever the noun (ordinalNames knows the nouns of
 * groups and places; this reads the series itself). The numerals must run one by one (1, 2,
 * 3 or 3, 4, 5); a person's measure (名, 人, 位) or 个 after them counts rather than names.
 */
export function numberedSeries(list: EnumeratedList): boolean {
  if (list.items.length < 2) return false;
  let noun = '';
  let previous = 0;
  for (const [k, item] of list.items.entries()) {
    const m = NUMBERED_ITEM.exec(item.text);
    if (!m || (k > 0 && m.index !== 0) || /^[名人位个]/u.test(m[2])) return false;
    const value = chineseNumeralValue(m[1]);
    if (k > 0 && (m[2] !== noun || value !== previous + 1)) return false;
    noun = m[2];
    previous = value;
  }
  return true;
}

const BARE_NUMERAL = /^[一二三四五六七八九十]{1,3}$/u;
const NUMERAL_NOUN = /^[一二三四五六七八九十]{1,3}\p{Script=Han}{1,3}$/u;

/**
 * How many items of `list` are bare Chinese numerals that may be half of a numeral pair
 * rather than subjects: a run of them before a longer item (`一、二年级合并的党小组`: GB/T
 * 15834's 、 between numerals, one subject; or `第一、二、三党小组的积分`: elided ordinals,
 * three). Before a numeral and a short noun alone (`一、二、三组`) they are subjects sharing
 * its noun, never counted here. respectively-count accepts either reading.
 */
export function numeralPairItems(list: EnumeratedList): number {
  let count = 0;
  let run = 0;
  let previous = '';
  for (const item of list.items) {
    if (BARE_NUMERAL.test(item.text)) {
      run++;
      continue;
    }
    // After an item ending in a numeral (`第一`) the bare numerals go on its ordinals
    // (`第一、二、三党小组`): subjects, not a pair.
    const ordinals = /[一二三四五六七八九十]$/u.test(previous);
    if (run > 0 && !ordinals && !NUMERAL_NOUN.test(item.text) && /^[一二三四五六七八九十]/u.test(item.text)) count += run;
    run = 0;
    previous = item.text;
  }
  return count;
}
