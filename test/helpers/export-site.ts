import { runCommandAsync } from './cli';

/** Runs `npm run export:site -- …` (its compiled tool) as a child process, from the repository root, on a database of its own. */
export function exportSite(args: string[], databasePath: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return runCommandAsync('export-site', args, { DATABASE_PATH: databasePath, PORT: '', DEMO_DATA: '' });
}
