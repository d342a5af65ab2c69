import { Router, type Request, type Response } from 'express';
import { stateName } from '../../domain/state-names';
import type { RouteContext } from '../../route-context';
import { findGroup } from '../../domain/meetings/plan';
import { editGroup, readGroupEdit, typedGroupForm, type TypedGroupForm } from '../../domain/meetings/reorder';
import { addSpeaker, readSpeakers, saveGroup, type Meeting } from '../../domain/meetings/store';
import { formText, formVersion } from '../../domain/workspace/form';
import { HttpError } from '../../http-error';
import { rankFieldErrors } from '../../presenters/meeting-problems';
import { addFieldId, groupAnchor, groupPagePath, rankFieldId } from '../../presenters/meeting-plan-view';
import { meetingGroupView } from '../../presenters/meeting-group-view';
import { meetingParam } from './meeting-param';
import { formBody } from '../../form-body';
import { guidelinesIn } from '../../i18n/guidelines';
import { t } from '../../i18n/translate';
import { localizeCatalogue } from '../../domain/catalogue-i18n';
import type { MeetingKit, PageExtra } from './meeting-kit';

/**
 * A speaker group's own page (docs/method.md#meetings): its list with the forms that change it, for
 * those who prepare meetings (the plan, ./meetings.ts, shows it read only).
 */
export function meetingGroupRoutes({ db, privatePages }: RouteContext, kit: MeetingKit): Router {
  const router = Router();
  const { guidelines, workspace, source, writer, canPrepare, requireList, planOf, afterWrite } = kit;

  /** The group named by a route's `:group` (its key), or a 404 in the member's language. */
  const groupParam = (req: Request): string => {
    const group = String(req.params.group);
    const found = findGroup(guidelines, group);
    if (!found) throw new HttpError(404, t(req.locale, 'meetings.errors.groupTitle'), t(req.locale, 'meetings.errors.group', { group }));
    return found.group.key;
  };

  /** A speaker group's name in the member's language, for the messages about it. */
  const groupName = (req: Request, key: string) => findGroup(guidelinesIn(req.locale), key)?.group.name ?? key;

  const renderGroup = (
    req: Request,
    res: Response,
    meeting: Meeting,
    key: string,
    extra: PageExtra & { saved?: boolean; typed?: TypedGroupForm | null; typedState?: string | null } = {},
  ) => {
    // groupParam checked the key against the guidelines, whose every group is in the plan.
    const [item, group] = planOf(req, meeting)
      .items.flatMap((i) => i.groups.map((g) => [i, g] as const))
      .find(([, g]) => g.group.key === key)!;
    const view = workspace();
    res.status(extra.status ?? 200).render(
      'workspace/meeting-group',
      meetingGroupView({
        meeting,
        item,
        group,
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
   * A write made from a group's page: back to that page, where one usually makes several changes
   * in a row (a State moved up twice, then another marked absent), with its « saved » message.
   */
  const onGroup = (req: Request, res: Response, meeting: Meeting, key: string) => ({
    anchor: groupAnchor(key),
    location: `${groupPagePath(meeting.id, key)}?enregistre=1`,
    again: (now: Meeting, extra: PageExtra) => renderGroup(req, res, now, key, extra),
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

  return router;
}
