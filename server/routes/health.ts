import { Router } from 'express';
import type { Db } from '../../db/client';
import { healthChecker } from '../health';

/** GET /healthz — for the process supervisor, the proxy or a monitor: 200 when healthy, 503 otherwise. */
export function healthRouter(db: Db, databasePath: string): Router {
  const check = healthChecker(db, databasePath);
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const health = check();
    res
      .status(health.status === 'ok' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(health);
  });
  return router;
}
