/** Instant intervals as epoch milliseconds, half-open [start, end): merge, intersect, subtract. Shared by the slot finder and attendance. */

/** An interval of instants; `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Sorts and merges overlapping or touching spans (empty ones dropped). */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

/** The parts of two sorted, non-overlapping span lists that overlap. */
export function intersectSpans(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** Sorted `spans` minus the merged, sorted `busy` list. */
export function subtractSpans(spans: Span[], busy: Span[]): Span[] {
  const out: Span[] = [];
  let k = 0;
  for (const span of spans) {
    let cursor = span.start;
    while (k < busy.length && busy[k]!.end <= span.start) k++;
    for (let b = k; b < busy.length && busy[b]!.start < span.end; b++) {
      if (busy[b]!.start > cursor) out.push({ start: cursor, end: busy[b]!.start });
      cursor = Math.max(cursor, busy[b]!.end);
    }
    if (cursor < span.end) out.push({ start: cursor, end: span.end });
  }
  return out;
}
