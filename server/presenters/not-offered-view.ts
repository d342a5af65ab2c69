import type { Catalogue } from '../domain/catalogue';
import type { NotOfferedGroup } from '../domain/workspace/not-offered';
import { populationLabel } from './labels';

const ASK_ADMINS = 'l’Unité d’appui à l’application (les administrateurs de l’espace de travail), qui tient les populations';

/**
 * The report form's explanation of the indicators it does not offer, and whom to ask
 * (views/partials/not-offered.hbs).
 */
export function notOfferedView(catalogue: Catalogue, groups: NotOfferedGroup[], context: { stateName: string; year: number }) {
  const { stateName, year } = context;
  const list = (codes: string[]) => `${codes.length > 1 ? 'indicateurs' : 'indicateur'} ${codes.join(', ')}`;
  const items = groups.map(({ reason, indicators }) => {
    const codes = list(indicators);
    switch (reason.kind) {
      case 'not-entered':
        return {
          blocking: true,
          text: `Population « ${populationLabel(catalogue, reason.population)} » pas encore saisie pour ${year} : ${codes} non proposé${indicators.length > 1 ? 's' : ''}.`,
          ask: `Demandez à ${ASK_ADMINS}, de la saisir pour ${year} ou de reprendre celle de ${year - 1}.`,
        };
      case 'not-member':
        return {
          blocking: false,
          text: `${stateName} n’appartient pas à la population « ${populationLabel(catalogue, reason.population)} » en ${year} : ${codes}.`,
          ask: `Si c’est une erreur, signalez-le à ${ASK_ADMINS}.`,
        };
      case 'no-yes':
        return {
          blocking: false,
          text: `${codes} : proposé${indicators.length > 1 ? 's' : ''} lorsque ${stateName} a répondu « oui » à l’indicateur ${reason.of} (réponse enregistrée).`,
          ask: null,
        };
      case 'non-party':
        return { blocking: false, text: `${codes} : concerne${indicators.length > 1 ? 'nt' : ''} les États non parties.`, ask: null };
    }
  });
  const count = groups.reduce((n, g) => n + g.indicators.length, 0);
  return { count, blocking: items.filter((i) => i.blocking), others: items.filter((i) => !i.blocking) };
}
