import { Router } from 'express';
import type { RouteContext } from '../../app';

export function uploadRoutes(_context: RouteContext): Router {
  return Router();
}
