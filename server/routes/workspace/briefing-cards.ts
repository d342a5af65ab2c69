import { Router, type Request } from 'express';
import { speakerSource } from '../../domain/meetings/speaker-groups';
import type { RouteContext } from '../../route-context';
import { guidelinesIn } from '../../i18n/guidelines';
import { t } from '../../i18n/translate';
import { briefingCards, readBriefingScope } from '../../domain/meetings/briefing';
import { readMeetingPlan } from '../../domain/meetings/store';
import { HttpError } from '../../http-error';
import { briefingCardsPage } from '../../presenters/briefing-cards';
import { scopeProblemMessage } from '../../presenters/meeting-problems';
import { meetingParam } from './meeting-param';

/** A query parameter as one string ('' when absent; the first value when repeated). */
const queryText = (req: Request, name: string): string => {
  const raw = req.query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim() : '';
};

/** The printable briefing cards of an intersessional meeting; every signed-in user may read them. */
export function briefingCardsRoutes({ db, data, privatePages }: RouteContext): Router {
  const router = Router();

  router.get('/reunions/:id/fiches', privatePages.keep, (req, res) => {
    const meeting = meetingParam(db, req.params.id, req.locale);
    if (meeting.kind !== 'intersessional') {
      throw new HttpError(404, t(req.locale, 'meetings.cards.notIntersessionalTitle'), t(req.locale, 'meetings.cards.notIntersessional'));
    }
    // The guidelines in the member's language: their keys are the French file's, their words translated.
    const guidelines = guidelinesIn(req.locale);
    const scope = readBriefingScope(guidelines, {
      point: queryText(req, 'point'),
      groupe: queryText(req, 'groupe'),
      etat: queryText(req, 'etat'),
    });
    if (!scope.ok) throw new HttpError(400, t(req.locale, 'meetings.cards.badScopeTitle'), scopeProblemMessage(scope.problem, req.locale));
    const view = data('workspace');
    const plan = readMeetingPlan(db, guidelines, meeting.id, speakerSource(view.engine, guidelines, req.locale).nameOf);
    const briefing = briefingCards(plan, view.engine, meeting.year, scope.scope);
    if (scope.scope.state && briefing.cards.length === 0) {
      throw new HttpError(
        404,
        t(req.locale, 'meetings.cards.cardMissingTitle'),
        t(req.locale, 'meetings.cards.cardMissing', { state: scope.scope.state }),
      );
    }
    res.render(
      'workspace/briefing-cards',
      briefingCardsPage(view, { meeting, guidelines, plan, briefing, scope: scope.scope, locale: req.locale }),
    );
  });

  return router;
}
