import { Router, type Request, type Response } from 'express';
import { stateName } from '../../domain/state-names';
import type { RouteContext } from '../../route-context';
import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { canWrite } from '../../domain/permissions';
import { checkMeeting, readMeetingSubmission } from '../../domain/meetings/meeting-form';
import { agendaCsv, speakersCsv } from '../../domain/meetings/meeting-csv';
import { findGroup } from '../../domain/meetings/plan';
import { editGroup, readGroupEdit, typedGroupForm, type TypedGroupForm } from '../../domain/meetings/reorder';
import { meetingDefaults, speakerDrift, speakerSource } from '../../domain/meetings/speaker-groups';
import {
  addSpeaker,
  createMeeting,
  listMeetings,
  readMeeting,
  readMeetingPlan,
  readSpeakers,
  refreshSpeakers,
  saveGroup,
  setOtherInterventions,
  updateMeeting,
  type Meeting,
  type MeetingWrite,
} from '../../domain/meetings/store';
import { formText, formVersion, type FieldError } from '../../domain/workspace/form';
import { HttpError } from '../../http-error';
import { requireRole } from '../../middleware/viewer';
import { meetingFormView } from '../../presenters/meeting-form-view';
import { meetingsListView } from '../../presenters/meetings-list-view';
import { meetingConflictMessage } from '../../presenters/meeting-messages';
import { meetingCsvWords, meetingFieldErrors, rankFieldErrors } from '../../presenters/meeting-problems';
import { addFieldId, groupAnchor, groupPagePath, itemAnchor, meetingPageView, rankFieldId } from '../../presenters/meeting-plan-view';
import { meetingGroupView } from '../../presenters/meeting-group-view';
import { meetingParam } from './meeting-param';
import { formBody } from '../../form-body';
import { guidelinesIn } from '../../i18n/guidelines';
import { t } from '../../i18n/translate';
import { localizeCatalogue } from '../../domain/catalogue-i18n';

/** What a page shown again after a form says: its status and why nothing was written. */
interface PageExtra {
  status?: number;
  errors?: FieldError[];
  errorTitle?: string | null;
}

/**
 * Meetings (docs/method.md#meetings): every signed-in user reads them; admins and committee members
 * prepare them.
 */
export function meetingsRoutes({ db, data, privatePages }: RouteContext): Router {
  const router = Router();
  const guidelines = readMeetingGuidelines();
  const canPrepare = requireRole(canWrite, 'workspace.denied.meetings');
  const workspace = () => data('workspace');
  /** The lists are drawn up in the language of whoever creates or refreshes them: names and alphabetical order. */
  const source = (req: Request) => speakerSource(workspace().engine, guidelines, req.locale);
  const writer = (req: Request) => ({ userId: req.viewer!.id });
  /** A speaker group's name in the member's language, for the messages about it. */
  const groupName = (req: Request, key: string) => findGroup(guidelinesIn(req.locale), key)?.group.name ?? key;

  const renderMeeting = (
    req: Request,
    res: Response,
    meeting: Meeting,
    extra: PageExtra & { saved?: string | null; typedOthers?: { item: number; text: string } } = {},
  ) => {
    const view = workspace();
    const speakers = speakerSource(view.engine, guidelines, req.locale);
    // The plan read with the guidelines in the member's language: same keys, their words.
    const plan = meeting.kind === 'intersessional' ? readMeetingPlan(db, guidelinesIn(req.locale), meeting.id, speakers.nameOf) : null;
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

  /** Only intersessional meetings have a speakers' list: the others' lists are a 404, read or written. */
  const requireList = (req: Request, meeting: Meeting) => {
    if (meeting.kind !== 'intersessional') {
      throw new HttpError(404, t(req.locale, 'meetings.errors.noListTitle'), t(req.locale, 'meetings.errors.noList'));
    }
  };

  const planOf = (req: Request, meeting: Meeting) => {
    requireList(req, meeting);
    // Item titles and group names in the member's language, as on the meeting page.
    return readMeetingPlan(db, guidelinesIn(req.locale), meeting.id, source(req).nameOf);
  };

  /** The group named by a route's `:group` (its key), or a 404 in the member's language. */
  const groupParam = (req: Request): string => {
    const group = String(req.params.group);
    const found = findGroup(guidelines, group);
    if (!found) throw new HttpError(404, t(req.locale, 'meetings.errors.groupTitle'), t(req.locale, 'meetings.errors.group', { group }));
    return found.group.key;
  };

  /** A speaker group's own page: its list with the forms that change it (the plan shows it read only). */
  const renderGroup = (
    req: Request,
    res: Response,
    meeting: Meeting,
    key: string,
    extra: PageExtra & { saved?: boolean; typed?: TypedGroupForm | null; typedState?: string | null } = {},
  ) => {
    const plan = planOf(req, meeting);
    const item = plan.items.find((i) => i.groups.some((g) => g.group.key === key))!;
    const view = workspace();
    res.status(extra.status ?? 200).render(
      'workspace/meeting-group',
      meetingGroupView({
        meeting,
        item,
        group: item.groups.find((g) => g.group.key === key)!,
        catalogue: localizeCatalogue(view.catalogue, req.locale),
        states: view.engine.states(),
        saved: extra.saved ?? false,
        errors: extra.errors,
        errorTitle: extra.errorTitle,
        typed: extra.typed ?? null,
        typedState: extra.typedState ?? null,
        locale: req.locale,
      }),
    );
  };

  /**
   * After a write: on to `location` (the part of the plan, or the group's page, just changed), or
   * `again` shows the page the form was on with why nothing was written.
   */
  const afterWrite = <T>(
    req: Request,
    res: Response,
    meeting: Meeting,
    result: MeetingWrite<T>,
    { anchor, location, again }: { anchor: string; location: string; again: (now: Meeting, extra: PageExtra) => void },
  ) => {
    if (result.kind === 'missing')
      throw new HttpError(404, t(req.locale, 'meetings.errors.missingTitle'), t(req.locale, 'meetings.errors.missing'));
    if (result.kind === 'conflict') {
      const now = readMeeting(db, meeting.id)!;
      again(now, {
        status: 409,
        errorTitle: t(req.locale, 'meetings.errors.conflictTitle'),
        errors: [
          {
            field: anchor,
            message: `${meetingConflictMessage(now, req.locale)} ${t(req.locale, 'meetings.errors.conflictRedo')}`,
          },
        ],
      });
      return;
    }
    res.redirect(303, location);
  };

  /** A write made from the plan: back to the part just changed, with its « saved » message. */
  const onPlan = (req: Request, res: Response, meeting: Meeting, anchor: string) => ({
    anchor,
    location: `/espace/reunions/${meeting.id}?enregistre=${encodeURIComponent(anchor)}#${anchor}`,
    again: (now: Meeting, extra: PageExtra) => renderMeeting(req, res, now, extra),
  });

  /**
   * A write made from a group's page: back to that page, where one usually makes several changes
   * in a row (a State moved up twice, then another marked absent), with its « saved » message.
   */
  const onGroup = (req: Request, res: Response, meeting: Meeting, key: string) => ({
    anchor: groupAnchor(key),
    location: `${groupPagePath(meeting.id, key)}?enregistre=1`,
    again: (now: Meeting, extra: PageExtra) => renderGroup(req, res, now, key, extra),
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

  router.get('/reunions/:id/groupes/:group', canPrepare, privatePages.keep, (req, res) => {
    const meeting = meetingParam(db, req.params.id, req.locale);
    renderGroup(req, res, meeting, groupParam(req), { saved: req.query.enregistre !== undefined });
  });

  router.post('/reunions/:id/groupes/:group', canPrepare, (req, res) => {
    const meeting = meetingParam(db, req.params.id, req.locale);
    requireList(req, meeting);
    const key = groupParam(req);
    const body = formBody(req);
    const rows = readSpeakers(db, meeting.id).filter((r) => r.groupKey === key);
    const read = readGroupEdit(body, rows, (state) => rankFieldId(key, state));
    if (!read.ok) {
      renderGroup(req, res, meeting, key, {
        status: 400,
        errors: rankFieldErrors(read.errors, source(req).nameOf, req.locale),
        typed: typedGroupForm(body, rows),
      });
      return;
    }
    afterWrite(
      req,
      res,
      meeting,
      saveGroup(db, meeting.id, formVersion(body), key, editGroup(rows, read.edit), writer(req)),
      onGroup(req, res, meeting, key),
    );
  });

  router.post('/reunions/:id/groupes/:group/orateurs', canPrepare, (req, res) => {
    const meeting = meetingParam(db, req.params.id, req.locale);
    requireList(req, meeting);
    const key = groupParam(req);
    const body = formBody(req);
    const state = formText(body.state).trim().toUpperCase();
    const field = addFieldId(key);
    const known = workspace().engine.state(state);
    if (!known) {
      renderGroup(req, res, meeting, key, {
        status: 400,
        errors: [
          {
            field,
            message: t(req.locale, 'meetings.errors.unknownState', { group: groupName(req, key), state: state.slice(0, 20) }),
          },
        ],
      });
      return;
    }
    const result = addSpeaker(db, meeting.id, formVersion(body), key, state, writer(req));
    if (result.kind === 'saved' && !result.value) {
      renderGroup(req, res, meeting, key, {
        status: 400,
        typedState: known.iso3,
        errors: [
          {
            field,
            message: t(req.locale, 'meetings.errors.already', { group: groupName(req, key), state: stateName(known, req.locale).name }),
          },
        ],
      });
      return;
    }
    afterWrite(req, res, meeting, result, onGroup(req, res, meeting, key));
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
