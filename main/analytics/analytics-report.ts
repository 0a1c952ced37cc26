import type { AnalyticsReport, Interview } from '../../preload/shared/contract/interview-schema';
import type { Database } from '../database/database';
import type { Clock } from '../platform/clock';
import {
  analyticsCsv,
  periodBounds,
  withAttendance,
  type AnalyticsAttachments,
  type AnalyticsQuery,
} from './analytics';
import { aggregateAnalytics } from './analytics-sql';
import { scorecardCsvCells, scorecardCsvHeader, scorecardFigures, type OwedScorecard } from './scorecard-figures';
import { owedScorecards, type OwedAttendance } from './scorecard-sql';

export interface AnalyticsReportsDeps {
  database: Database;
  interviews: {
    /** Whole interviews starting in [fromMs, toMs). */
    startingBetween(fromMs: number, toMs: number): Interview[];
    /** Whole interviews with these ids that match `query` ('' matches all). */
    matching(ids: string[], query: string): Interview[];
  };
  attendance: Required<AnalyticsAttachments>;
  /** Meet's attendance report of one interview (the room's), when it was read. */
  attendanceReport: (interviewId: string) => OwedAttendance | undefined;
  clock: Clock;
}

/** The analytics screen's report and its CSV export. */
export interface AnalyticsReports {
  report(query: AnalyticsQuery): AnalyticsReport;
  exportCsv(query: AnalyticsQuery): string;
}

/** Creates the report assembly over the database and the attendance figures. */
export function createAnalyticsReports(deps: AnalyticsReportsDeps): AnalyticsReports {
  // Only the period's interviews Meet was read for have a report to look at (their ids read once per report).
  const owedIn = (start: number, end: number, now: number, readIds = deps.attendance.readBetween(start, end + 1)) => {
    const read = new Set(readIds);
    return owedScorecards(deps.database, start, end, now, (id) =>
      read.has(id) ? deps.attendanceReport(id) : undefined,
    );
  };
  return {
    // Counts come from SQL; the attendance figures load only the period's interviews Meet was read for.
    report(query) {
      const { start, end } = periodBounds(query);
      const now = deps.clock.now();
      const readIds = deps.attendance.readBetween(start, end + 1);
      const read = deps.interviews.matching(readIds, '');
      return {
        ...withAttendance(aggregateAnalytics(deps.database, query, now), read, now, deps.attendance),
        scorecards: scorecardFigures(owedIn(start, end, now, readIds), now),
      };
    },
    exportCsv(query) {
      const { start, end } = periodBounds(query);
      const now = deps.clock.now();
      // One read of the period's owed scorecards, then a row's cells are a lookup.
      const owed = new Map<string, OwedScorecard[]>();
      for (const card of owedIn(start, end, now))
        owed.set(card.interviewId, [...(owed.get(card.interviewId) ?? []), card]);
      const attendance = deps.attendance.csvColumns;
      return analyticsCsv(deps.interviews.startingBetween(start, end + 1), query, now, {
        ...deps.attendance,
        csvColumns: {
          header: [...attendance.header, ...scorecardCsvHeader],
          cells: (interview, ended) => [
            ...attendance.cells(interview, ended),
            ...scorecardCsvCells(owed.get(interview.id), now),
          ],
        },
      });
    },
  };
}
