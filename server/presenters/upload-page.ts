import type { DataView } from '../data-source';
import { journalEntryView } from './audit-view';
import type { Catalogue } from '../domain/catalogue';
import { DATA_KINDS, EXCHANGE_KINDS, headerOf, optionalColumns, type ExchangeKind } from '../domain/data-kinds';
import { canWrite, editableActions, isAdmin, type Viewer } from '../domain/permissions';
import { formatMegabytes, UPLOAD_LIMITS, type UploadPreview } from '../domain/workspace/upload';
import { localizeCatalogue } from '../domain/catalogue-i18n';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { countText } from '../i18n/problem-text';
import { ROLE_KEYS } from './workspace-home';

/** Who may import each kind of rows (full keys: docs/i18n.md#messages). */
const WHO: Record<ExchangeKind, string> = {
  states: 'upload.who.admins',
  populations: 'upload.who.admins',
  reports: 'upload.who.adminsAndMembers',
  answers: 'upload.who.answers',
  figures: 'upload.who.admins',
};

/** What the upload form page shows, in `locale`: the accepted files, the limits and the viewer's rights. */
export function uploadPageModel(viewer: Viewer, catalogue: Catalogue, locale: Locale = DEFAULT_LOCALE) {
  return {
    canUpload: canWrite(viewer),
    kinds: EXCHANGE_KINDS.map((kind) => ({
      sheet: kind,
      fileName: DATA_KINDS[kind].fileName,
      columns: headerOf(kind).join(','),
      optional: optionalColumns(kind).join(', '),
      who: t(locale, WHO[kind]),
    })),
    limits: {
      fileSize: formatMegabytes(UPLOAD_LIMITS.fileBytes, locale),
      files: UPLOAD_LIMITS.files,
      rows: countText(UPLOAD_LIMITS.rowsPerSheet, locale).replace(/\u202f/g, '\u00a0'),
      hours: Math.round(UPLOAD_LIMITS.pendingMs / 3_600_000),
    },
    rights: rightsOf(viewer, catalogue, locale),
  };
}

function rightsOf(viewer: Viewer, catalogue: Catalogue, locale: Locale): string {
  const role = t(locale, ROLE_KEYS[viewer.role]);
  if (isAdmin(viewer)) return t(locale, 'upload.rights.admin', { role });
  if (viewer.role === 'member') {
    const mechanisms = localizeCatalogue(catalogue, locale).mechanisms;
    const names = mechanisms.filter((m) => viewer.mechanisms.includes(m.id)).map((m) => m.name);
    const actions = ranges(
      [...editableActions(viewer, catalogue)].sort((a, b) => a - b),
      locale,
    );
    const answers = actions ? t(locale, 'upload.rights.answers', { actions }) : t(locale, 'upload.rights.noAnswers');
    const committees = names.length ? ` (${names.join(' ; ')})` : '';
    return t(locale, 'upload.rights.member', { role, committees, answers });
  }
  return t(locale, 'upload.rights.observer', { role });
}

/** « 1 à 16, 30 » from [1, 2, …, 16, 30]. */
function ranges(numbers: number[], locale: Locale): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j - i >= 2 ? t(locale, 'upload.rights.range', { from: numbers[i], to: numbers[j] }) : numbers.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/** How a change's values read in the preview: « réponse : Non → Oui », « note : … (supprimé) ». */
const CHANGE_KEYS = { insert: 'upload.change.insert', update: 'upload.change.update', delete: 'upload.change.delete' } as const;

/** The preview as the page shows it, in `locale`: counts of what is listed and what is not. */
export function previewPageModel(preview: UploadPreview, view: DataView, locale: Locale = DEFAULT_LOCALE) {
  const hiddenChanges = preview.totalChanges - preview.changes.length;
  const hiddenErrors = preview.totalErrors - preview.errors.length;
  const n = preview.totalErrors;
  // `errors` is left to the page's own form errors (the reason field), for the error summary.
  const { errors, ...rest } = preview;
  return {
    ...rest,
    // Described as the journal describes them: one wording for a change, wherever it is shown.
    changes: preview.changes.map(({ entry, status, statusLabel }) => {
      const shown = journalEntryView(entry, view, new Map(), locale);
      return {
        subject: shown.subject,
        operation: shown.operation,
        status,
        statusLabel,
        details: shown.changes.map((c) => t(locale, CHANGE_KEYS[entry.operation], { field: c.field, before: c.before, after: c.after })),
      };
    }),
    errorList: errors.map((message) => ({ message })),
    importErrorTitle: t(locale, 'upload.preview.errorTitle', { count: n, n: countText(n, locale) }),
    hiddenChanges: hiddenChanges > 0 ? hiddenChanges : null,
    hiddenErrors: hiddenErrors > 0 ? countText(hiddenErrors, locale) : null,
    hiddenErrorCount: hiddenErrors,
    nothingToChange: preview.totalErrors === 0 && preview.totalChanges === 0,
  };
}
