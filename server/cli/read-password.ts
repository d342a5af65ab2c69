import readline from 'node:readline';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { LocalizedError } from '../i18n/localized-error';
import { t } from '../i18n/translate';

/**
 * Reads a password from standard input, never from the command line (where it would stay in the
 * shell's history and in the process list). At a terminal, asks twice without echoing; from a pipe
 * (`printf '%s\n' "$PASSWORD" | npm run user -- …`), reads the first line. Prompts in `locale` (LANG's).
 */
export async function readPassword(
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  locale: Locale = DEFAULT_LOCALE,
): Promise<string> {
  if (!input.isTTY) return firstLine(input);
  const first = await askHidden(t(locale, 'cli.password.prompt'));
  const second = await askHidden(t(locale, 'cli.password.again'));
  if (first !== second) throw new LocalizedError('cli.password.mismatch', {}, locale);
  return first;
}

async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    output._writeToOutput = (s: string) => {
      // Echo the prompt, not what is typed.
      if (s.startsWith(prompt)) process.stdout.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
