import type { AnalyticsReports } from '../../analytics/analytics-report';
import type { NamespaceHandlers } from './namespace-handlers';

/** The analytics screen's report and export. */
export function analyticsHandlers(reports: AnalyticsReports): NamespaceHandlers<'analytics'> {
  return {
    'analytics:report': (query) => reports.report(query),
    'analytics:exportCsv': (query) => reports.exportCsv(query),
  };
}
