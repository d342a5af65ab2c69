import { Router } from 'express';
import type { RouteContext } from '../../app';

export function entryRoutes(_context: RouteContext): Router {
  return Router();
}
