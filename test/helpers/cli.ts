import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';
import type { CliOutput } from '../../server/cli/import';

export const ROOT = path.join(__dirname, '..', '..');

/** The command-line tools `npm run NAME` runs (scripts/cli.mjs), by the name of their source in server/cli/. */
export type CommandName = 'import' | 'export' | 'export-site' | 'demo-clear' | 'user' | 'backup' | 'restore';

/**
 * The arguments that run a tool as `npm run NAME -- …` does: its compiled bundle, dist/cli/NAME.js,
 * which the run's globalSetup (test/setup/build.ts) brought up to date with the sources. Starting
 * a bundle costs a few hundred milliseconds where compiling the sources with tsx cost seconds, and
 * the tests start about fifty.
 */
export const commandArgs = (name: CommandName, args: string[]): string[] => [path.join(ROOT, 'dist', 'cli', `${name}.js`), ...args];

/**
 * The tools speak the language of LC_ALL, LC_MESSAGES or LANG (docs/i18n.md#the-command-line): the
 * tests expect French unless they say otherwise, whatever the machine's own locale.
 */
const FRENCH_BY_DEFAULT: NodeJS.ProcessEnv = { LC_ALL: '', LC_MESSAGES: '', LANG: '' };

/** What a tool sees: this process's environment, French unless `env` says otherwise, and `env`. */
const toolEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...process.env, ...FRENCH_BY_DEFAULT, ...env });

/** Runs a tool to its end, from the repository root, with `env` added to this process's environment. */
export function runCommand(name: CommandName, args: string[], env: NodeJS.ProcessEnv, options: SpawnSyncOptions = {}) {
  const result = spawnSync(process.execPath, commandArgs(name, args), {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    ...options,
    env: toolEnv(env),
  });
  return { status: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? ''), error: result.error };
}

/** The same, without blocking the test's event loop (for tools that run while the test serves pages). */
export function runCommandAsync(
  name: CommandName,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, commandArgs(name, args), { cwd: ROOT, env: toolEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A tool's function, which its command runs on process.argv (runImport, runExport, runUser…). */
type ToolFunction = (args: string[], env: NodeJS.ProcessEnv, io: CliOutput) => number | Promise<number>;

/**
 * Runs a tool's function in this process, with `env` as runCommand gives it, and answers as runCommand
 * does (each line written ends with a newline, as console.log and console.error end it). For the
 * tests of a wording or of an option's parsing: a start costs the CPU of a Node process and its
 * bundle, and proves nothing more there. Each tool and behaviour keeps one real start (runCommand),
 * which proves that the command runs the function on its real arguments and environment.
 */
export async function runInProcess(run: ToolFunction, args: string[], env: NodeJS.ProcessEnv) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await run(args, toolEnv(env), { out: (line) => stdout.push(`${line}\n`), err: (line) => stderr.push(`${line}\n`) });
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}
