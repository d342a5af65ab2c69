import { Router } from 'express';
import type { RouteContext } from '../../app';

export function journalRoutes(_context: RouteContext): Router {
  return Router();
}
