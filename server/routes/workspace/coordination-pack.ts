import { Router } from 'express';
import type { RouteContext } from '../../route-context';
import { guidelinesIn } from '../../i18n/guidelines';
import { t } from '../../i18n/translate';
import { localizeCatalogue } from '../../domain/catalogue-i18n';
import { HttpError } from '../../http-error';
import { readCoordinationPack } from '../../domain/meetings/coordination';
import { MEETING_KIND_KEYS } from '../../presenters/meeting-labels';
import { coordinationPackPage } from '../../presenters/coordination-pack';
import { meetingParam } from './meeting-param';

/** The Coordinating Committee's pack of a meeting (/espace/reunions/:id/dossier), printable on A4. */
export function coordinationPackRoutes({ db, data, privatePages }: RouteContext): Router {
  const router = Router();

  router.get('/reunions/:id/dossier', privatePages.keep, (req, res) => {
    const meeting = meetingParam(db, req.params.id, req.locale);
    if (meeting.kind !== 'coordination') {
      throw new HttpError(
        404,
        t(req.locale, 'meetings.pack.missingTitle'),
        t(req.locale, 'meetings.pack.missing', { title: meeting.title, kind: t(req.locale, MEETING_KIND_KEYS[meeting.kind]) }),
      );
    }
    const view = data('workspace');
    const guidelines = guidelinesIn(req.locale);
    const { previous, intersessional, pack, plan } = readCoordinationPack(db, meeting, view, guidelines);
    res.render(
      'workspace/coordination-pack',
      coordinationPackPage({
        meeting,
        previous,
        intersessional,
        pack,
        engine: view.engine,
        otherSpeakers: guidelines.otherSpeakers.name,
        plan,
        locale: req.locale,
        catalogue: localizeCatalogue(view.catalogue, req.locale),
      }),
    );
  });

  return router;
}
