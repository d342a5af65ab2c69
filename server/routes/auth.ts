import { Router, type Request, type Response } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RouteContext } from '../app';
import { findUserByEmail } from '../../db/queries/users';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { SESSION_COOKIE, SIGN_IN_PATH } from '../auth/session';

/** At most 5 failed attempts per account and address in 15 minutes, and 50 per address in an hour. */
const ACCOUNT_LIMIT = { points: 5, duration: 15 * 60 };
const ADDRESS_LIMIT = { points: 50, duration: 60 * 60 };

/** Only a path of this site: never `//host` or `https://…`, so the sign-in cannot send anyone elsewhere. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/espace';
}

export function authRouter({ db }: RouteContext): Router {
  const router = Router();
  const byAccount = new RateLimiterMemory(ACCOUNT_LIMIT);
  const byAddress = new RateLimiterMemory(ADDRESS_LIMIT);

  const showForm = (req: Request, res: Response, status: number, form: { email?: string; error?: string; fieldErrors?: Record<string, string> }) => {
    res.set('Cache-Control', 'private, no-store');
    res.status(status).render('signin', {
      title: 'Connexion',
      csrfToken: req.csrfToken!(),
      retour: safeReturnPath(req.body?.retour ?? req.query.retour),
      errors: Object.entries(form.fieldErrors ?? {}).map(([field, message]) => ({ field, message })),
      ...form,
    });
  };

  router.get(SIGN_IN_PATH, (req, res) => {
    if (req.viewer) {
      res.redirect(303, safeReturnPath(req.query.retour));
      return;
    }
    showForm(req, res, 200, {});
  });

  router.post(SIGN_IN_PATH, async (req, res, next) => {
    try {
      const email = typeof req.body.email === 'string' ? req.body.email.trim() : '';
      const password = typeof req.body.password === 'string' ? req.body.password : '';
      const fieldErrors: Record<string, string> = {};
      if (!email) fieldErrors.email = 'Saisissez votre adresse électronique.';
      if (!password) fieldErrors.password = 'Saisissez votre mot de passe.';
      if (Object.keys(fieldErrors).length) {
        showForm(req, res, 400, { email, fieldErrors });
        return;
      }
      const address = req.ip ?? 'inconnue';
      const accountKey = `${email.toLowerCase()}|${address}`;
      const [account, addressState] = await Promise.all([byAccount.get(accountKey), byAddress.get(address)]);
      const blocked = [
        { state: account, limit: ACCOUNT_LIMIT.points },
        { state: addressState, limit: ADDRESS_LIMIT.points },
      ].find((b) => b.state !== null && b.state.consumedPoints >= b.limit);
      if (blocked) {
        const minutes = Math.max(1, Math.ceil(blocked.state!.msBeforeNext / 60000));
        res.set('Retry-After', String(Math.ceil(blocked.state!.msBeforeNext / 1000)));
        showForm(req, res, 429, {
          email,
          error: `Trop de tentatives de connexion. Par sécurité, réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
        });
        return;
      }

      const user = findUserByEmail(db, email);
      const usable = user !== null && user.disabledAt === null;
      // Verified even for an unknown address, so that the answer takes as long either way.
      const valid = await verifyPassword(usable ? user.passwordHash : await decoyHash(), password);
      if (!usable || !valid) {
        await Promise.all([byAccount.penalty(accountKey, 1), byAddress.penalty(address, 1)]);
        showForm(req, res, 401, { email, error: 'Adresse électronique ou mot de passe incorrect.' });
        return;
      }
      await byAccount.delete(accountKey);
      const retour = safeReturnPath(req.body.retour);
      // A new session id at sign-in, so that an id planted before cannot be used after (session fixation).
      req.session.regenerate((error) => {
        if (error) return next(error);
        req.session.userId = user.id;
        req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(303, retour)));
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/deconnexion', (req, res, next) => {
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie(SESSION_COOKIE);
      res.redirect(303, '/');
    });
  });

  return router;
}
