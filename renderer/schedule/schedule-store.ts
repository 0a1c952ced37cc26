import type { InterviewSummary } from '../../preload/shared/contract/interview-schema';
import type { DeskApi, ScheduleRow } from '../../preload/shared/contract/ipc-contract';
import type { DeskError, Result } from '../../preload/shared/contract/result';

type Section = 'upcoming' | 'past';

/** The day boundary and clock the sections are cut with (fixed per search, so pages fit together), and the search. */
export interface ScheduleBounds {
  query: string;
  todayStartMs: number;
  nowMs: number;
}

/** The schedule as far as it is loaded: the size of each section, the rows in by place, the countdown's interview. */
export interface ScheduleView {
  query: string;
  upcomingTotal: number;
  pastTotal: number;
  /**
   * Loaded rows by their place in the whole list: upcoming first (by start), then past (newest
   * first); a row found by words said in its transcript carries the line (`spoken`).
   */
  rows: ReadonlyMap<number, ScheduleRow>;
  next: InterviewSummary | null;
  /** True until the first pages of this search are in. */
  loading: boolean;
  error?: DeskError;
}

/** Which section a row belongs to: today onwards or still running is upcoming (main's queries cut the same way). */
export function sectionOf(row: InterviewSummary, bounds: Pick<ScheduleBounds, 'todayStartMs' | 'nowMs'>): Section {
  const start = Date.parse(row.startUtc);
  return start >= bounds.todayStartMs || start + row.durationMinutes * 60_000 > bounds.nowMs ? 'upcoming' : 'past';
}

/**
 * The changed rows written in place, or undefined when a change moves rows (a new or removed
 * interview, a new time, a section size that changed): then the loaded places no longer hold.
 */
export function changedInPlace(
  view: ScheduleView,
  ids: string[],
  fresh: ScheduleRow[],
  totals: [number, number],
  bounds: ScheduleBounds,
): Map<number, ScheduleRow> | undefined {
  if (totals[0] !== view.upcomingTotal || totals[1] !== view.pastTotal) return undefined;
  const placeOf = new Map([...view.rows].map(([place, row]) => [row.id, place]));
  const freshById = new Map(fresh.map((row) => [row.id, row]));
  const rows = new Map(view.rows);
  for (const id of ids) {
    const place = placeOf.get(id);
    const row = freshById.get(id);
    if (place === undefined && row === undefined) continue; // not shown before, not shown now
    if (place === undefined || row === undefined) return undefined;
    const before = view.rows.get(place)!;
    if (row.startUtc !== before.startUtc || sectionOf(row, bounds) !== sectionOf(before, bounds)) return undefined;
    rows.set(place, row);
  }
  return rows;
}

/** The calls the store makes (the renderer's `desk`, or any DeskApi over a transport). */
export type ScheduleApi = Pick<DeskApi, 'interviews'>;

/**
 * The schedule's data in the renderer: the size of each section and the pages around what is on
 * screen, read from the database by place; when main reports changed interviews, just those rows
 * (and, if they moved, the pages on screen again), never the whole list.
 */
export function createScheduleStore(api: ScheduleApi, pageSize = 60) {
  let view: ScheduleView = { query: '', upcomingTotal: 0, pastTotal: 0, rows: new Map(), next: null, loading: true };
  let bounds: ScheduleBounds | undefined;
  let generation = 0;
  let loaded = new Set<string>();
  let shown: [number, number] = [0, 0];
  // While a search opens, places of the old one mean nothing: pages wait for the new sizes, and
  // changes reported meanwhile are applied once it is open (its answers may predate them).
  let opening = false;
  let pending: string[] = [];
  const listeners = new Set<() => void>();
  const set = (next: ScheduleView) => {
    view = next;
    for (const listener of [...listeners]) listener();
  };
  /** The value of a result, or undefined after showing its error. */
  const valueOf = <T>(result: Result<T>): T | undefined => {
    if (result.ok) return result.value;
    set({ ...view, loading: false, error: result.error });
    return undefined;
  };
  const window = (section: Section, b: ScheduleBounds) => ({
    section,
    query: b.query,
    todayStartMs: b.todayStartMs,
    nowMs: b.nowMs,
  });
  const totals = (b: ScheduleBounds) =>
    Promise.all([api.interviews.count(window('upcoming', b)), api.interviews.count(window('past', b))]);

  /** Loads the pages holding places `first`…`last` (and the one before, for its day header). */
  const ensure = async (first: number, last: number) => {
    shown = [first, last];
    const b = bounds;
    if (!b || view.loading || opening) return;
    const mine = generation;
    const wanted = new Map<string, { section: Section; page: number }>();
    for (
      let place = Math.max(0, first - 1);
      place <= Math.min(last, view.upcomingTotal + view.pastTotal - 1);
      place++
    ) {
      const section: Section = place < view.upcomingTotal ? 'upcoming' : 'past';
      const page = Math.floor((section === 'upcoming' ? place : place - view.upcomingTotal) / pageSize);
      if (!loaded.has(`${section}:${page}`)) wanted.set(`${section}:${page}`, { section, page });
    }
    for (const key of wanted.keys()) loaded.add(key);
    await Promise.all(
      [...wanted].map(async ([key, { section, page }]) => {
        const rows = valueOf(
          await api.interviews.page({ ...window(section, b), offset: page * pageSize, limit: pageSize }),
        )?.items;
        if (mine !== generation) return;
        if (!rows) return void loaded.delete(key);
        const base = (section === 'upcoming' ? 0 : view.upcomingTotal) + page * pageSize;
        const next = new Map(view.rows);
        rows.forEach((row, i) => next.set(base + i, row));
        set({ ...view, rows: next });
      }),
    );
  };

  /** Loads the sizes and the first pages of both sections for a search (answers for an older search are dropped). */
  const open = async (next: ScheduleBounds) => {
    bounds = next;
    const mine = ++generation;
    loaded = new Set(['upcoming:0', 'past:0']);
    opening = true;
    // One call per section (its first page carries its size); the countdown does not depend on the search.
    const [up, past, soon] = await Promise.all([
      api.interviews.page({ ...window('upcoming', next), offset: 0, limit: pageSize }),
      api.interviews.page({ ...window('past', next), offset: 0, limit: pageSize }),
      view.loading ? api.interviews.next() : undefined,
    ]);
    if (mine !== generation) return;
    opening = false;
    const [upPage, pastPage, nextRow] = [valueOf(up), valueOf(past), soon ? valueOf(soon) : view.next];
    if (!upPage || !pastPage || nextRow === undefined) return;
    const upTotal = upPage.total ?? upPage.items.length;
    const rows = new Map<number, ScheduleRow>();
    upPage.items.forEach((row, i) => rows.set(i, row));
    pastPage.items.forEach((row, i) => rows.set(upTotal + i, row));
    set({
      query: next.query,
      upcomingTotal: upTotal,
      pastTotal: pastPage.total ?? pastPage.items.length,
      rows,
      next: nextRow,
      loading: false,
    });
    const missed = pending;
    pending = [];
    if (missed.length > 0) await changed(missed);
  };

  /** Main changed these interviews: fetch just their rows, the section sizes and the countdown's interview. */
  const changed = async (ids: string[]): Promise<void> => {
    const b = bounds;
    if (!b || ids.length === 0) return;
    if (view.loading || opening) return void pending.push(...ids);
    // A change to very many at once (a first sync) is cheaper as fresh first pages.
    if (ids.length > 500) return open(b);
    const mine = generation;
    const [rows, counts, soon] = await Promise.all([
      api.interviews.byIds({ ids, query: b.query }),
      totals(b),
      api.interviews.next(),
    ]);
    if (mine !== generation) return;
    const [fresh, upTotal, pastTotal, nextRow] = [valueOf(rows), valueOf(counts[0]), valueOf(counts[1]), valueOf(soon)];
    if (!fresh || upTotal === undefined || pastTotal === undefined || nextRow === undefined) return;
    const inPlace = changedInPlace(view, ids, fresh, [upTotal, pastTotal], b);
    if (inPlace) return set({ ...view, rows: inPlace, next: nextRow });
    // Rows moved: the places loaded so far no longer hold; read the pages on screen again.
    generation++;
    loaded = new Set();
    set({ ...view, upcomingTotal: upTotal, pastTotal, rows: new Map(), next: nextRow });
    await ensure(...shown);
  };

  return {
    get: () => view,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    open,
    ensure,
    changed,
    /** Re-reads the countdown's interview (the current one may have ended). */
    async refreshNext() {
      const soon = valueOf(await api.interviews.next());
      if (soon !== undefined && soon?.id !== view.next?.id) set({ ...view, next: soon });
    },
  };
}

/** The store's type, for the hook. */
export type ScheduleStore = ReturnType<typeof createScheduleStore>;
