import type { DataView } from '../data-source';
import { OPERATION_LABELS, changeLines, entrySubject } from './audit-view';
import type { Catalogue } from '../domain/catalogue';
import { DATA_KINDS, EXCHANGE_KINDS, headerOf, optionalColumns, type ExchangeKind } from '../domain/data-kinds';
import { canWrite, editableActions, isAdmin, ROLE_LABELS, type Viewer } from '../domain/permissions';
import { formatMegabytes, UPLOAD_LIMITS, type UploadPreview } from '../domain/workspace/upload';

/** Who may import each kind of rows. */
const WHO: Record<ExchangeKind, string> = {
  states: 'administrateurs',
  populations: 'administrateurs',
  reports: 'administrateurs et membres des comités',
  answers: 'administrateurs ; membres : indicateurs des actions de leurs comités',
  figures: 'administrateurs',
};

/** What the upload form page shows: the accepted files, the limits and the viewer's rights. */
export function uploadPageModel(viewer: Viewer, catalogue: Catalogue) {
  return {
    canUpload: canWrite(viewer),
    kinds: EXCHANGE_KINDS.map((kind) => ({
      sheet: kind,
      fileName: DATA_KINDS[kind].fileName,
      columns: headerOf(kind).join(','),
      optional: optionalColumns(kind).join(', '),
      who: WHO[kind],
    })),
    limits: {
      fileSize: formatMegabytes(UPLOAD_LIMITS.fileBytes),
      files: UPLOAD_LIMITS.files,
      rows: UPLOAD_LIMITS.rowsPerSheet.toLocaleString('fr-FR').replace(/\u202f/g, '\u00a0'),
      hours: Math.round(UPLOAD_LIMITS.pendingMs / 3_600_000),
    },
    rights: rightsOf(viewer, catalogue),
  };
}

function rightsOf(viewer: Viewer, catalogue: Catalogue): string {
  if (isAdmin(viewer)) return `Vous êtes ${ROLE_LABELS.admin} : vous pouvez importer tous les fichiers.`;
  if (viewer.role === 'member') {
    const names = catalogue.mechanisms.filter((m) => viewer.mechanisms.includes(m.id)).map((m) => m.name);
    const actions = ranges([...editableActions(viewer, catalogue)].sort((a, b) => a - b));
    const answers = actions ? `les réponses aux indicateurs des actions ${actions}` : 'aucune réponse (vous n’êtes membre d’aucun comité)';
    return `Vous êtes ${ROLE_LABELS.member}${names.length ? ` (${names.join(' ; ')})` : ''} : vous pouvez importer les rapports (date de réception, Guide de rapport) et ${answers}. Les populations, les chiffres et le registre des États sont réservés aux administrateurs.`;
  }
  return `Vous êtes ${ROLE_LABELS[viewer.role]} : vous pouvez consulter les données, brouillons compris, mais pas importer de fichiers.`;
}

/** « 1 à 16, 30 » from [1, 2, …, 16, 30]. */
function ranges(numbers: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${numbers[i]} à ${numbers[j]}` : numbers.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/** The preview as the page shows it: counts of what is listed and what is not. */
export function previewPageModel(preview: UploadPreview, view: DataView) {
  const hiddenChanges = preview.totalChanges - preview.changes.length;
  const hiddenErrors = preview.totalErrors - preview.errors.length;
  const n = preview.totalErrors;
  // `errors` is left to the page's own form errors (the reason field), for the error summary.
  const { errors, ...rest } = preview;
  return {
    ...rest,
    // Described as the journal describes them: one wording for a change, wherever it is shown.
    changes: preview.changes.map(({ entry, status, statusLabel }) => ({
      subject: entrySubject(entry, view),
      operation: OPERATION_LABELS[entry.operation],
      status,
      statusLabel,
      details: changeLines(entry, view),
    })),
    errorList: errors.map((message) => ({ message })),
    importErrorTitle: `Import refusé : ${n.toLocaleString('fr-FR')} problème${n > 1 ? 's' : ''}, rien n’a été écrit`,
    hiddenChanges: hiddenChanges > 0 ? hiddenChanges : null,
    hiddenErrors: hiddenErrors > 0 ? hiddenErrors.toLocaleString('fr-FR') : null,
    nothingToChange: preview.totalErrors === 0 && preview.totalChanges === 0,
  };
}
