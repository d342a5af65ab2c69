import fs from 'node:fs';
import { isDemoDataLoaded } from '../../db/queries/meta';
import { clearDemoData } from '../../seed/demo-load';
import { openDatabaseOf, readConfig } from '../config';

/**
 * `npm run demo:clear`: removes the demonstration data from the database named by DATABASE_PATH,
 * and makes sure it is not loaded again at the next start. Refuses (exit 1) when the database holds
 * no demonstration data, so that it never deletes real data.
 */

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

function main(): number {
  const config = readConfig();
  const { databasePath } = config;
  if (databasePath !== ':memory:' && !fs.existsSync(databasePath)) {
    console.error(`Aucune base de données à ${databasePath} : rien n’a été supprimé.`);
    return 1;
  }
  const db = openDatabaseOf(config);
  try {
    if (!isDemoDataLoaded(db)) {
      console.error(
        `La base ${databasePath} ne contient pas de données de démonstration : rien n’a été supprimé. ` +
          'Cette commande ne supprime jamais des données réelles.',
      );
      return 1;
    }
    const removed = clearDemoData(db);
    console.log(`Données de démonstration supprimées de ${databasePath} :`);
    console.log(`- ${plural(removed.reports, 'rapport', 'rapports')} au titre de l’article 7 ;`);
    console.log(`- ${plural(removed.answers, 'réponse', 'réponses')} ;`);
    console.log(`- ${plural(removed.populationMemberships, 'appartenance', 'appartenances')} à des populations ;`);
    console.log(`- ${plural(removed.figures, 'valeur', 'valeurs')} de chiffres et de ratios ;`);
    console.log(`- ${plural(removed.validations, 'validation', 'validations')} de rapports ;`);
    console.log(`- ${plural(removed.releases, 'publication', 'publications')} d’année (révisions comprises).`);
    console.log(
      'Le catalogue et le registre des États sont conservés ; les données de démonstration ne seront plus chargées au démarrage.',
    );
    return 0;
  } finally {
    db.$client.close();
  }
}

process.exitCode = main();
