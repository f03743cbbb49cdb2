/**
 * The one binary search the model and rules share: the first index of a sorted array at
 * which an item is no longer "before" a point (C++'s `std::lower_bound`, Python's
 * `bisect_left`). Quantities, list items, blocks and quoted spans are all kept in document
 * order, so "the first one at or after offset X" is this search with a comparison.
 */

/**
 * The first index `i` of `items` with `isBefore(items[i])` false, or `items.length` if there
 * is none. `isBefore` must be monotone over `items`: true on a prefix, false after it.
 * O(log n) calls of `isBefore`.
 */
export function lowerBound<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
