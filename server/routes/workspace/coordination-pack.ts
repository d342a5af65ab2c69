import { Router } from 'express';
import type { RouteContext } from '../../app';
import { nextIntersessional, previousMeeting } from '../../../db/queries/meetings';
import { auditEntriesSince } from '../../../db/queries/pack';
import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { HttpError } from '../../http-error';
import { buildPack, packWindow } from '../../domain/meetings/pack';
import { readMeetingPlan } from '../../domain/meetings/store';
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
    const previous = previousMeeting(db, meeting);
    const window = packWindow(previous?.startsOn ?? null, meeting.startsOn, new Date());
    const intersessional = nextIntersessional(db, meeting.startsOn);
    const guidelines = readMeetingGuidelines();
    const plan = intersessional
      ? readMeetingPlan(db, guidelines, intersessional.id, (iso3) => view.engine.stateName(iso3))
      : null;
    const pack = buildPack({
      catalogue: view.catalogue,
      year: meeting.year,
      window,
      entries: auditEntriesSince(db, window.from),
      data: view.engine.data,
      engine: view.engine,
      plan,
    });
    res.render(
      'workspace/coordination-pack',
      coordinationPackPage({ meeting, previous, intersessional, pack, engine: view.engine, otherSpeakers: guidelines.otherSpeakers.name, plan }),
    );
  });

  return router;
}
