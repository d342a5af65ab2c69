import JSZip from 'jszip';
import { LICENCE } from '../domain/releases/open-data';
import type { OpenDataFile } from './open-data-files';

export const ARCHIVE_README = 'LISEZMOI.txt';

/** A file of the archive that is not text (the workbook). */
export interface BinaryFile {
  path: string;
  url: string;
  content: Buffer;
}

interface ArchiveMeta {
  citation: string | null;
  /** The latest publication (ISO), the date of every entry: a release always gives the same archive. */
  publishedAt: string | null;
  demo: boolean;
}

function readme(files: { path: string; url: string }[], meta: ArchiveMeta): string {
  const lines = [
    'Données ouvertes du tableau de bord du Plan d’action de Siem Reap-Angkor (2025-2029)',
    '',
    'Cette archive contient tous les fichiers de la page « Données ouvertes » (/donnees/), tels que publiés :',
    'la dernière révision de chaque année publiée, et chaque révision antérieure dans « publications ».',
    'La signification de chaque colonne est donnée sur la page /donnees/ du tableau de bord.',
    '',
    `Licence : ${LICENCE.name} — ${LICENCE.url}`,
    meta.citation ?? 'Aucune année n’est encore publiée : les fichiers ne contiennent que leur ligne d’en-tête.',
  ];
  if (meta.demo) lines.push('', 'Données de démonstration : ces chiffres sont fictifs et ne décrivent aucun État.');
  lines.push('', 'Fichiers (chemin dans l’archive — adresse sur le tableau de bord) :');
  for (const file of files) lines.push(`- ${file.path} — ${file.url}`);
  return `${lines.join('\n')}\n`;
}

/** tout.zip: every open-data file under its name, and a README (LISEZMOI.txt) listing them with their URL. */
export async function openDataArchive(files: (OpenDataFile | BinaryFile)[], meta: ArchiveMeta): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(meta.publishedAt ?? 0);
  zip.file(ARCHIVE_README, readme(files, meta), { date });
  for (const file of files) zip.file(file.path, file.content, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
