import type { DataView } from '../data-source';
import { PLAN_YEARS } from '../domain/engine/types';
import { type RegistryState } from '../domain/registry';
import { formatDate } from './format';
import { ANSWER_KEYS } from './labels';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { reportJson } from './api-json';
import { pairKey, reportStatus } from '../domain/review';
import { REPORT_STATUS_KEYS } from './workspace-labels';
import { flagMessage } from './flag-view';

export function statePage(view: DataView, state: RegistryState, year: number, locale: Locale = DEFAULT_LOCALE) {
  const { engine, catalogue } = view;
  const years = [...PLAN_YEARS];
  const reports = years.map((y) => {
    const report = reportJson(engine.report(y, state.iso3) ?? null);
    const hasData = report !== null || view.drafts.get(y)?.has(state.iso3) || view.review.validated.has(pairKey(y, state.iso3));
    // Signed-in users see where each report stands; the public sees validated reports only.
    const status = view.audience === 'workspace' && hasData ? reportStatus(view.review, y, state.iso3) : null;
    return {
      year: y,
      status,
      statusLabel: status ? t(locale, REPORT_STATUS_KEYS[status]) : null,
      received: report ? formatDate(report.receivedOn, locale) : t(locale, 'report.none'),
      onTime: report ? t(locale, report.onTime ? 'state.onTime' : 'state.late') : '—',
      guide: report ? t(locale, report.usedReportingGuide ? 'state.guideUsed' : 'state.guideNotUsed') : '—',
    };
  });
  // A year without reports says nothing of the entered populations: their cells are unknown (null), not « non ».
  const populations = catalogue.populations
    .filter((p) => p.key !== 'yes')
    .map((p) => ({
      name: p.name,
      cells: years.map((y) => {
        const result = engine.year(y);
        return result.hasData || p.derivation === 'registry' ? result.populations.get(p.key).has(state.iso3) : null;
      }),
    }));
  const answers = catalogue.actions
    .flatMap((a) => a.indicators)
    .map((i) => ({
      code: i.code,
      text: i.text,
      cells: years.map((y) => {
        const a = engine.answer(y, i.code, state.iso3);
        return a
          ? { answer: t(locale, ANSWER_KEYS[a.answer]), source: a.source, note: a.note }
          : { answer: null, source: null, note: null };
      }),
    }))
    .filter((row) => row.cells.some((c) => c.answer !== null));
  return {
    state,
    partyNow: engine.year(year).populations.get('party').has(state.iso3),
    partyFrom: state.partyFrom ? formatDate(state.partyFrom, locale) : null,
    partyUntil: state.partyUntil ? formatDate(state.partyUntil, locale) : null,
    years,
    reports,
    populations,
    answers,
    flags: (engine.year(year).flags.get(state.iso3) ?? []).map((f) => ({ ...f, message: flagMessage(f, locale) })),
  };
}
