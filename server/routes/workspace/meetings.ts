import { Router, type Request, type Response } from 'express';
import type { RouteContext } from '../../route-context';
import { canWrite } from '../../domain/permissions';
import { checkMeeting, readMeetingSubmission } from '../../domain/meetings/meeting-form';
import { agendaCsv, speakersCsv } from '../../domain/meetings/meeting-csv';
import { meetingDefaults, speakerDrift } from '../../domain/meetings/speaker-groups';
import {
  createMeeting,
  listMeetings,
  readMeeting,
  refreshSpeakers,
  setOtherInterventions,
  updateMeeting,
  type Meeting,
} from '../../domain/meetings/store';
import { formText, formVersion } from '../../domain/workspace/form';
import { HttpError } from '../../http-error';
import { meetingFormView } from '../../presenters/meeting-form-view';
import { meetingsListView } from '../../presenters/meetings-list-view';
import { meetingCsvWords, meetingFieldErrors } from '../../presenters/meeting-problems';
import { itemAnchor, meetingPageView } from '../../presenters/meeting-plan-view';
import { meetingParam } from './meeting-param';
import { formBody } from '../../form-body';
import { guidelinesIn } from '../../i18n/guidelines';
import { t } from '../../i18n/translate';
import { localizeCatalogue } from '../../domain/catalogue-i18n';
import type { MeetingKit, PageExtra } from './meeting-kit';

/**
 * Meetings (docs/method.md#meetings): every signed-in user reads them; admins and committee members
 * prepare them. A speaker group's own page is in ./meeting-groups.ts.
 */
export function meetingsRoutes({ db, privatePages }: RouteContext, kit: MeetingKit): Router {
  const router = Router();
  const { guidelines, workspace, source, writer, canPrepare, planOf, afterWrite } = kit;

  const renderMeeting = (
    req: Request,
    res: Response,
    meeting: Meeting,
    extra: PageExtra & { saved?: string | null; typedOthers?: { item: number; text: string } } = {},
  ) => {
    const view = workspace();
    const speakers = source(req);
    // Only intersessional meetings have a speakers' list; the others' page shows none.
    const plan = meeting.kind === 'intersessional' ? planOf(req, meeting, speakers) : null;
    const rows = plan?.items.flatMap((i) => i.groups.flatMap((g) => g.speakers)) ?? [];
    res.status(extra.status ?? 200).render(
      'workspace/meeting',
      meetingPageView({
        meeting,
        guidelines: guidelinesIn(req.locale),
        plan,
        catalogue: localizeCatalogue(view.catalogue, req.locale),
        canEdit: canWrite(req.viewer),
        drift: plan ? speakerDrift(meetingDefaults(speakers, meeting), rows) : null,
        saved: extra.saved ?? null,
        errors: extra.errors,
        errorTitle: extra.errorTitle,
        typedOthers: extra.typedOthers ?? null,
        locale: req.locale,
      }),
    );
  };

  /** A write made from the plan: back to the part just changed, with its « saved » message. */
  const onPlan = (req: Request, res: Response, meeting: Meeting, anchor: string) => ({
    anchor,
    location: `/espace/reunions/${meeting.id}?enregistre=${encodeURIComponent(anchor)}#${anchor}`,
    again: (now: Meeting, extra: PageExtra) => renderMeeting(req, res, now, extra),
  });

  router.get('/reunions', privatePages.keep, (req, res) => {
    res.render(
      'workspace/meetings',
      meetingsListView(listMeetings(db), { canEdit: canWrite(req.viewer), today: new Date(), locale: req.locale }),
    );
  });

  router.get('/reunions/nouvelle', canPrepare, (req, res) => {
    res.render('workspace/meeting-form', meetingFormView({ meeting: null, defaultYear: workspace().engine.latestYear() }, req.locale));
  });

  router.post('/reunions', canPrepare, (req, res) => {
    const submission = readMeetingSubmission(formBody(req));
    const check = checkMeeting(submission);
    if (!check.ok) {
      res
        .status(400)
        .render(
          'workspace/meeting-form',
          meetingFormView({ meeting: null, submission, errors: meetingFieldErrors(check.errors, req.locale), defaultYear: 0 }, req.locale),
        );
      return;
    }
    const id = createMeeting(db, check.details, source(req), writer(req));
    res.redirect(303, `/espace/reunions/${id}?enregistre=liste`);
  });

  router.get('/reunions/:id', privatePages.keep, (req, res) => {
    const saved = typeof req.query.enregistre === 'string' ? req.query.enregistre : null;
    renderMeeting(req, res, meetingParam(db, req.params.id, req.locale), { saved });
  });

  router.get('/reunions/:id/modifier', canPrepare, (req, res) => {
    res.render(
      'workspace/meeting-form',
      meetingFormView({ meeting: meetingParam(db, req.params.id, req.locale), defaultYear: 0 }, req.locale),
    );
  });

  router.post('/reunions/:id', canPrepare, (req, res) => {
    const meeting = meetingParam(db, req.params.id, req.locale);
    const submission = readMeetingSubmission(formBody(req));
    const check = checkMeeting(submission);
    if (!check.ok) {
      res
        .status(400)
        .render(
          'workspace/meeting-form',
          meetingFormView({ meeting, submission, errors: meetingFieldErrors(check.errors, req.locale), defaultYear: 0 }, req.locale),
        );
      return;
    }
    const result = updateMeeting(db, meeting.id, submission.version, check.details, source(req), writer(req));
    if (result.kind === 'conflict') {
      res
        .status(409)
        .render(
          'workspace/meeting-form',
          meetingFormView({ meeting: readMeeting(db, meeting.id), submission, conflict: true, defaultYear: 0 }, req.locale),
        );
      return;
    }
    afterWrite(req, res, meeting, result, onPlan(req, res, meeting, 'liste'));
  });

  router.post('/reunions/:id/actualisation', canPrepare, (req, res) => {
    const meeting = meetingParam(db, req.params.id, req.locale);
    afterWrite(
      req,
      res,
      meeting,
      refreshSpeakers(db, meeting.id, formVersion(formBody(req)), meeting, source(req), writer(req)),
      onPlan(req, res, meeting, 'liste'),
    );
  });

  router.post('/reunions/:id/points/:item', canPrepare, (req, res) => {
    const meeting = meetingParam(db, req.params.id, req.locale);
    const asked = String(req.params.item);
    const item = guidelines.items.find((i) => String(i.number) === asked);
    if (!item) throw new HttpError(404, t(req.locale, 'meetings.errors.itemTitle'), t(req.locale, 'meetings.errors.item', { item: asked }));
    const typed = formText(formBody(req).otherInterventions).trim();
    if (!/^[0-9]{1,3}$/.test(typed) || Number(typed) > 200) {
      renderMeeting(req, res, meeting, {
        status: 400,
        typedOthers: { item: item.number, text: typed.slice(0, 20) },
        errors: [
          {
            field: `autres-${item.number}`,
            message: t(req.locale, 'meetings.errors.others', { number: item.number, typed: typed.slice(0, 20) }),
          },
        ],
      });
      return;
    }
    afterWrite(
      req,
      res,
      meeting,
      setOtherInterventions(db, meeting.id, formVersion(formBody(req)), item.number, Number(typed), writer(req)),
      onPlan(req, res, meeting, itemAnchor(item.number)),
    );
  });

  router.get('/reunions/:id/orateurs.csv', (req, res) => {
    const meeting = meetingParam(db, req.params.id, req.locale);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`reunion-${meeting.id}-orateurs.csv`)
      .send(speakersCsv(planOf(req, meeting), meetingCsvWords(req.locale)));
  });

  router.get('/reunions/:id/ordre-du-jour.csv', (req, res) => {
    const meeting = meetingParam(db, req.params.id, req.locale);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`reunion-${meeting.id}-ordre-du-jour.csv`)
      .send(agendaCsv(planOf(req, meeting), guidelinesIn(req.locale).otherSpeakers, meetingCsvWords(req.locale)));
  });

  return router;
}
