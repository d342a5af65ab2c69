import { MaintenanceError } from '../../db/backup';
import { readConfig } from '../config';

/**
 * The shape shared by `npm run backup` and `npm run restore`: one FILE argument (else the usage,
 * status 2), the database of DATABASE_PATH, the lines `run` returns on success (status 0), a
 * MaintenanceError's French message on refusal (status 1). Any other error is a bug: it is thrown.
 */
export function runMaintenanceCommand(usage: string, run: (databasePath: string, file: string) => Promise<string[]>): void {
  const main = async (args: string[]): Promise<number> => {
    if (args.length !== 1 || args[0]!.startsWith('-')) {
      console.error(usage);
      return 2;
    }
    try {
      for (const line of await run(readConfig().databasePath, args[0]!)) console.log(line);
      return 0;
    } catch (err) {
      if (err instanceof MaintenanceError) {
        console.error(err.message);
        return 1;
      }
      throw err;
    }
  };
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
