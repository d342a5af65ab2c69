import type { Report } from '../domain/engine/types';
import { isReportOnTime } from '../domain/registry';
import { formatDate } from './format';

/** « reçu le 14 mars 2026 », « reçu le 2 mai 2026 (en retard) » or « pas de rapport ». */
export function reportSummary(report: Report | null | undefined, prefix = 'reçu'): string {
  if (!report) return 'pas de rapport';
  return `${prefix} le ${formatDate(report.receivedOn)}${isReportOnTime(report) ? '' : ' (en retard)'}`;
}
