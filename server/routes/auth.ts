import { Router, type Request, type Response } from 'express';
import type { RouteContext } from '../route-context';
import { signInAccount, verifyPassword } from '../auth/passwords';
import { SESSION_COOKIE, SESSION_LIFETIMES, SIGN_IN_PATH, secretOf } from '../auth/session';
import { signInLimits } from '../auth/sign-in-limits';
import { HashingSlots, SIGN_IN_SLOTS } from '../auth/hashing-slots';
import { signInFormToken } from '../auth/sign-in-token';
import { HttpError } from '../http-error';
import { formBody } from '../form-body';
import { localePath } from '../i18n/addresses';
import { t } from '../i18n/translate';

/** Only a path of this site: never `//host` or `https://…`, so the sign-in cannot send anyone elsewhere. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/espace';
}

export function authRouter({ db, config, clock = Date.now }: RouteContext): Router {
  const router = Router();
  const reserve = signInLimits(db);
  const slots = new HashingSlots(SIGN_IN_SLOTS.running, SIGN_IN_SLOTS.waiting);
  const formToken = signInFormToken(secretOf(db, config), {
    secure: config.secureCookies,
    path: SIGN_IN_PATH,
    lifetimeMs: SESSION_LIFETIMES.idleMs,
  });

  const showForm = (
    req: Request,
    res: Response,
    status: number,
    form: { email?: string; error?: string; fieldErrors?: Record<string, string> },
  ) => {
    res.set('Cache-Control', 'private, no-store');
    res.status(status).render('signin', {
      title: t(req.locale, 'signin.title'),
      csrfToken: formToken.issue(req, res, localePath(req.locale, SIGN_IN_PATH)),
      retour: safeReturnPath(formBody(req).retour ?? req.query.retour),
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
      if (!formToken.verify(req)) throw new HttpError(403, t(req.locale, 'signin.expiredTitle'), t(req.locale, 'signin.expired'));
      const { email: postedEmail, password: postedPassword, retour: postedReturn } = formBody(req);
      const email = typeof postedEmail === 'string' ? postedEmail.trim() : '';
      const password = typeof postedPassword === 'string' ? postedPassword : '';
      const fieldErrors: Record<string, string> = {};
      if (!email) fieldErrors.email = t(req.locale, 'signin.emailMissing');
      if (!password) fieldErrors.password = t(req.locale, 'signin.passwordMissing');
      if (Object.keys(fieldErrors).length) {
        showForm(req, res, 400, { email, fieldErrors });
        return;
      }
      // The connection's address, or the client's when TRUST_PROXY names the proxy in front.
      const reservation = await reserve(email, req.ip ?? 'inconnue');
      if (!reservation.ok) {
        const minutes = Math.max(1, Math.ceil(reservation.msBeforeNext / 60000));
        res.set('Retry-After', String(Math.max(1, Math.ceil(reservation.msBeforeNext / 1000))));
        showForm(req, res, 429, {
          email,
          error: t(req.locale, 'signin.tooMany', { count: minutes }),
        });
        return;
      }

      const { user, hash } = await signInAccount(db, email);
      // Verified even for an unknown address, so that the answer takes as long either way.
      const checked = await slots.run(() => verifyPassword(hash, password));
      if (!checked.ok) {
        await reservation.cancelled();
        res.set('Retry-After', '5');
        showForm(req, res, 503, {
          email,
          error: t(req.locale, 'signin.busy'),
        });
        return;
      }
      if (user === null || !checked.value) {
        showForm(req, res, 401, { email, error: t(req.locale, 'signin.wrong') });
        return;
      }
      await reservation.succeeded();
      const retour = safeReturnPath(postedReturn);
      // A new session id at sign-in, so that an id planted before cannot be used after (session fixation).
      req.session.regenerate((error) => {
        if (error) return next(error);
        req.session.userId = user.id;
        req.session.signedInAt = clock();
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
