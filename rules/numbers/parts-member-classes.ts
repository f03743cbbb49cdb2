/**
 * "辖区共有党员2300余名，其中在职党员1460名、离退休党员612名、流动党员395名": a street's or
 * community's members sorted into the classes its party organisation keeps them in (在职,
 * 离退休, 流动…; rules/data/totals-kinds.yaml `member_classes`). Each member is kept in one
 * class, so parts named only by these classes do not overlap and together stay within the
 * total (`atMost`: the classes not listed may hold the rest). The other readers take 流动 for
 * an attribute that may cut across the others (女党员、流动党员、困难党员 is such a mix, and stays
 * so: every label must be classes and 党员 alone, and 在职 or 离退休 must be among them). When
 * both the working side and the retired side are named the parts claim every member: `sum`.
 */
import { totalsKinds } from '../data/totals-kinds';
import type { Breakdown } from './breakdowns';

/**
 * The breakdown `found` held to no more than its total together when its parts are member
 * classes (see the module note; `sum` when both the working and the retired side are named);
 * null when they are not, or when it is read more strictly.
 */
export function memberClassParts(found: Breakdown): Breakdown | null {
  if (found.mode !== 'each' || found.parts.length < 2) return null;
  let anchored = false;
  let working = false;
  let retired = false;
  for (const p of found.parts) {
    if (!totalsKinds.memberClasses.test(p.label)) return null;
    if (totalsKinds.memberClassAnchor.test(p.label)) anchored = true;
    if (totalsKinds.memberWorking.test(p.label)) working = true;
    else if (totalsKinds.memberRetired.test(p.label)) retired = true;
  }
  // Both sides named (在职… and 退休…): the parts claim every member (totals-kinds.yaml).
  if (working && retired) return { ...found, mode: 'sum' };
  return anchored ? { ...found, mode: 'atMost' } : null;
}
