import { openDatabase } from '../db/client';
import { loadDemoData, shouldLoadDemoData } from '../seed/demo-load';
import { loadSeed } from '../seed/load';
import { createApp } from './app';
import { readConfig } from './config';

function main(): void {
  const config = readConfig();
  const db = openDatabase(config.databasePath);
  const summary = loadSeed(db);
  const changed = Object.entries(summary)
    .filter(([, c]) => c.inserted + c.updated + c.deleted > 0)
    .map(([table, c]) => `${table} +${c.inserted} ~${c.updated} -${c.deleted}`);
  console.log(`Catalogue et registre : ${changed.length ? changed.join(', ') : 'à jour'}.`);
  if (shouldLoadDemoData(db, config)) {
    const demo = loadDemoData(db);
    console.log(
      `Données de démonstration chargées (2025 et 2026 : ${demo.reports} rapports, ${demo.answers} réponses) ; ` +
        'pour les supprimer : npm run demo:clear (DEMO_DATA=off pour ne pas les charger).',
    );
  }
  const server = createApp({ db, config }).listen(config.port, () => {
    console.log(`Tableau de bord servi sur http://localhost:${config.port}/ (base : ${config.databasePath})`);
  });
  const stop = () => server.close(() => db.$client.close());
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
