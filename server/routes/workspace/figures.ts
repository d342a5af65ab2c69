import { Router } from 'express';
import type { RouteContext } from '../../app';

export function figuresRoutes(_context: RouteContext): Router {
  return Router();
}
