import { Router } from 'express';
import type { RouteContext } from '../../app';

/** Stub: being written. */
export function coordinationPackRoutes(_context: RouteContext): Router {
  return Router();
}
