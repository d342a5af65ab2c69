import { readMeeting, type Meeting } from '../../domain/meetings/store';
import type { Db } from '../../../db/client';
import { HttpError } from '../../http-error';

/** The meeting named by a route's `:id`, or a 404 in French. */
export function meetingParam(db: Db, raw: unknown): Meeting {
  const text = typeof raw === 'string' ? raw : '';
  const id = /^[0-9]{1,9}$/.test(text) ? Number(text) : NaN;
  const meeting = Number.isInteger(id) ? readMeeting(db, id) : null;
  if (!meeting)
    throw new HttpError(
      404,
      'Réunion introuvable',
      `Aucune réunion ne porte le numéro « ${text.slice(0, 20)} ». Voyez la liste des réunions.`,
    );
  return meeting;
}
