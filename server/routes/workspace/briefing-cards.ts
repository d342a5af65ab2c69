import { Router } from 'express';
import type { RouteContext } from '../../app';

/** Stub: being written. */
export function briefingCardsRoutes(_context: RouteContext): Router {
  return Router();
}
