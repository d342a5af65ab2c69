import fs from 'node:fs';
import path from 'node:path';
import type { StaticFile } from './crawl';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** What every page of the dashboard carries in its title: how a previous export is recognised. */
export const EXPORT_MARK = 'Plan d’action de Siem Reap-Angkor';

/**
 * Why the copy may not be written into `dir`, in French, or null when it may: the folder does not
 * exist, is empty, or holds a previous export (an `index.html` of the dashboard), which is then
 * replaced. Anything else is refused, so that a mistyped folder never loses its contents.
 */
export function targetProblem(dir: string, locale: Locale = 'fr'): string | null {
  if (!fs.existsSync(dir)) return null;
  if (!fs.statSync(dir).isDirectory()) return t(locale, 'cli.exportSite.notFolder', { dir });
  if (fs.readdirSync(dir).length === 0) return null;
  const index = path.join(dir, 'index.html');
  const previous = fs.existsSync(index) && fs.statSync(index).isFile() && fs.readFileSync(index, 'utf8').includes(EXPORT_MARK);
  if (previous) return null;
  return t(locale, 'cli.exportSite.notEmpty', { dir });
}

/**
 * Writes the files into `dir`: first into a new folder beside it, then put in its place in one
 * rename, so that an interrupted export leaves either the previous copy or the new one, whole.
 * Call `targetProblem` first.
 */
export function writeStaticSite(dir: string, files: StaticFile[]): void {
  const target = path.resolve(dir);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const fresh = fs.mkdtempSync(`${target}.export-`);
  try {
    for (const file of files) {
      const destination = path.join(fresh, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      fs.writeFileSync(destination, file.body);
    }
    if (fs.existsSync(target)) {
      const old = `${fresh}.ancien`;
      fs.renameSync(target, old);
      try {
        fs.renameSync(fresh, target);
      } catch (error) {
        fs.renameSync(old, target);
        throw error;
      }
      fs.rmSync(old, { recursive: true, force: true });
    } else {
      fs.renameSync(fresh, target);
    }
  } catch (error) {
    fs.rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
}
