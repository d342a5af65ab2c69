import { createApp } from './app';
import { readConfig } from './config';
import { prepareDatabase } from './startup';

function main(): void {
  const config = readConfig();
  const db = prepareDatabase(config);
  const server = createApp({ db, config }).listen(config.port, () => {
    console.log(`Tableau de bord servi sur http://localhost:${config.port}/ (base : ${config.databasePath})`);
  });
  const stop = () => server.close(() => db.$client.close());
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
