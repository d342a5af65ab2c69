import type { Request, Response } from 'express';
import type { RouteContext } from '../../route-context';
import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { canWrite } from '../../domain/permissions';
import { speakerSource } from '../../domain/meetings/speaker-groups';
import { readMeeting, readMeetingPlan, type Meeting, type MeetingWrite } from '../../domain/meetings/store';
import type { FieldError } from '../../domain/workspace/form';
import { HttpError } from '../../http-error';
import { requireRole } from '../../middleware/viewer';
import { meetingConflictMessage } from '../../presenters/meeting-messages';
import { guidelinesIn } from '../../i18n/guidelines';
import { t } from '../../i18n/translate';

/** What a page shown again after a form says: its status and why nothing was written. */
export interface PageExtra {
  status?: number;
  errors?: FieldError[];
  errorTitle?: string | null;
}

/** Where a write goes next: on to `location`, or `again` shows the form's page with why nothing was written. */
export interface AfterWrite {
  anchor: string;
  location: string;
  again: (now: Meeting, extra: PageExtra) => void;
}

export type MeetingKit = ReturnType<typeof meetingKit>;

/**
 * What the meeting plan's routes (./meetings.ts) and a speaker group's page (./meeting-groups.ts)
 * share: the guidelines read once, who may prepare, the speakers' source and the way a write ends.
 */
export function meetingKit({ db, data }: RouteContext) {
  const guidelines = readMeetingGuidelines();
  const workspace = () => data('workspace');
  /** The lists are drawn up in the language of whoever creates or refreshes them: names and alphabetical order. */
  const source = (req: Request) => speakerSource(workspace().engine, guidelines, req.locale);

  /** Only intersessional meetings have a speakers' list: the others' lists are a 404, read or written. */
  const requireList = (req: Request, meeting: Meeting) => {
    if (meeting.kind !== 'intersessional') {
      throw new HttpError(404, t(req.locale, 'meetings.errors.noListTitle'), t(req.locale, 'meetings.errors.noList'));
    }
  };

  return {
    guidelines,
    workspace,
    source,
    requireList,
    canPrepare: requireRole(canWrite, 'workspace.denied.meetings'),
    writer: (req: Request) => ({ userId: req.viewer!.id }),

    /**
     * The speakers' list of an intersessional meeting, item titles and group names in the member's
     * language; `speakers` when the caller already holds the member's source.
     */
    planOf: (req: Request, meeting: Meeting, speakers = source(req)) => {
      requireList(req, meeting);
      return readMeetingPlan(db, guidelinesIn(req.locale), meeting.id, speakers.nameOf);
    },

    /**
     * After a write: on to `location` (the part of the plan, or the group's page, just changed), or
     * `again` shows the page the form was on with why nothing was written.
     */
    afterWrite: <T>(req: Request, res: Response, meeting: Meeting, result: MeetingWrite<T>, { anchor, location, again }: AfterWrite) => {
      if (result.kind === 'missing')
        throw new HttpError(404, t(req.locale, 'meetings.errors.missingTitle'), t(req.locale, 'meetings.errors.missing'));
      if (result.kind === 'conflict') {
        const now = readMeeting(db, meeting.id)!;
        again(now, {
          status: 409,
          errorTitle: t(req.locale, 'meetings.errors.conflictTitle'),
          errors: [
            { field: anchor, message: `${meetingConflictMessage(now, req.locale)} ${t(req.locale, 'meetings.errors.conflictRedo')}` },
          ],
        });
        return;
      }
      res.redirect(303, location);
    },
  };
}
