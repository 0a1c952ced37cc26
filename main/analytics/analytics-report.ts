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
import { owedScorecards } from './scorecard-sql';

export interface AnalyticsReportsDeps {
  database: Database;
  interviews: {
    /** Whole interviews starting in [fromMs, toMs). */
    startingBetween(fromMs: number, toMs: number): Interview[];
    /** Whole interviews with these ids that match `query` ('' matches all). */
    matching(ids: string[], query: string): Interview[];
  };
  attendance: Required<AnalyticsAttachments>;
  clock: Clock;
}

/** The analytics screen's report and its CSV export. */
export interface AnalyticsReports {
  report(query: AnalyticsQuery): AnalyticsReport;
  exportCsv(query: AnalyticsQuery): string;
}

/** Creates the report assembly over the database and the attendance figures. */
export function createAnalyticsReports(deps: AnalyticsReportsDeps): AnalyticsReports {
  // Each call analyses Meet's attendance of the period's interviews it was read for once: the attendance
  // figures (or cells) and the owed scorecards read the same reports, so they cannot disagree.
  return {
    // Counts come from SQL; the attendance figures load only the period's interviews Meet was read for.
    report(query) {
      const { start, end } = periodBounds(query);
      const now = deps.clock.now();
      const read = deps.interviews.matching(deps.attendance.readBetween(start, end + 1), '');
      const meet = deps.attendance.attendanceOf(read);
      return {
        ...withAttendance(aggregateAnalytics(deps.database, query, now), read, now, meet),
        scorecards: scorecardFigures(owedScorecards(deps.database, start, end, now, meet.report), now),
      };
    },
    exportCsv(query) {
      const { start, end } = periodBounds(query);
      const now = deps.clock.now();
      const rows = deps.interviews.startingBetween(start, end + 1);
      const read = new Set(deps.attendance.readBetween(start, end + 1));
      const meet = deps.attendance.attendanceOf(rows.filter((i) => read.has(i.id)));
      // One read of the period's owed scorecards, then a row's cells are a lookup.
      const owed = new Map<string, OwedScorecard[]>();
      for (const card of owedScorecards(deps.database, start, end, now, meet.report))
        owed.set(card.interviewId, [...(owed.get(card.interviewId) ?? []), card]);
      return analyticsCsv(rows, query, now, {
        header: [...deps.attendance.csvHeader, ...scorecardCsvHeader],
        cells: (interview, ended) => [
          ...meet.csvCells(interview, ended),
          ...scorecardCsvCells(owed.get(interview.id), now),
        ],
      });
    },
  };
}
