/**
 * What a table cell's text says, for table-total: a number as written (`12`, `12人`,
 * `1,234`, `1.5万`, `**12**`, full-width digits; one with a footnote mark, `2993（注4）`, is
 * `noted`), nothing (empty, `—`, `无`), an approximation (约/余/多/以上…) or text.
 */
import { tableTotalData } from '../data/table-total';

/** A cell's reading. */
export type CellValue =
  | { kind: 'nothing' }
  | { kind: 'number'; raw: number; decimals: number; scale: 1 | 1e4 | 1e8; percent: boolean; written: string; noted?: boolean }
  | { kind: 'approx' }
  | { kind: 'text' };

const FULLWIDTH = /[０-９．，－＋％]/g;
// sign? digits (1,234 grouping allowed) .decimals? 万|亿? unit (≤3 Han, or %)?
const NUMBER_CELL = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d{1,15})(?:\.(\d{1,6}))?(万|亿)?(%|[\p{Script=Han}]{1,3})?$/u;
const APPROX = /^(?:约|近|超过|逾|不足|不到)|余|多|以上|以下|左右/u;
// A footnote mark after a cell's number (`2993（注4）`, `35①`, `12*`): the note may say the
// figure is left out of the total, so such a cell is summed both ways.
const NOTE_MARK = /(?:[（(]注[^）)]{0,4}[）)]|注[\d①-⑳]{1,2}|[①-⑳]|[*※]|\[\d{1,2}\])$/u;

/** What a cell's text says: a number (as written), nothing, an approximation or text. */
export function readValue(raw: string): CellValue {
  const plain = raw
    .replace(/<!--.*?-->/gu, '')
    .trim()
    .replace(/^(?:\*\*|__|\*|_)(.*?)(?:\*\*|__|\*|_)$/u, '$1')
    .replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (plain === '' || tableTotalData.nothing.has(plain)) return { kind: 'nothing' };
  const mark = NOTE_MARK.exec(plain);
  if (mark && mark.index > 0 && /\d/u.test(plain[mark.index - 1])) {
    const v = readValue(plain.slice(0, mark.index));
    return v.kind === 'number' ? { ...v, noted: true } : v;
  }
  const m = NUMBER_CELL.exec(plain);
  if (m) {
    const [, sign, digits, fraction = '', scale, unit = ''] = m;
    if (APPROX.test(unit)) return { kind: 'approx' };
    const raw = Number(`${sign}${digits.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
    return {
      kind: 'number',
      raw,
      decimals: fraction.length,
      scale: scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1,
      percent: unit === '%',
      written: `${sign}${digits}${fraction ? `.${fraction}` : ''}${scale ?? ''}`,
    };
  }
  if (/\d/.test(plain) && APPROX.test(plain)) return { kind: 'approx' };
  return { kind: 'text' };
}
