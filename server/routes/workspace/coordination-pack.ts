import { Router } from 'express';
import type { RouteContext } from '../../route-context';
import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { HttpError } from '../../http-error';
import { readCoordinationPack } from '../../domain/meetings/coordination';
import { MEETING_KIND_LABELS } from '../../domain/meetings/kinds';
import { coordinationPackPage } from '../../presenters/coordination-pack';
import { meetingParam } from './meeting-param';

/** The Coordinating Committee's pack of a meeting (/espace/reunions/:id/dossier), printable on A4. */
export function coordinationPackRoutes({ db, data, privatePages }: RouteContext): Router {
  const router = Router();

  router.get('/reunions/:id/dossier', privatePages.keep, (req, res) => {
    const meeting = meetingParam(db, req.params.id);
    if (meeting.kind !== 'coordination') {
      throw new HttpError(
        404,
        'Dossier introuvable',
        `Le dossier du Comité de coordination n’existe que pour ses réunions : « ${meeting.title} » est de type « ${MEETING_KIND_LABELS[meeting.kind]} ».`,
      );
    }
    const view = data('workspace');
    const guidelines = readMeetingGuidelines();
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
      }),
    );
  });

  return router;
}
