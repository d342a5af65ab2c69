import { Router } from 'express';
import type { RouteContext } from '../../app';

export function registryRoutes(_context: RouteContext): Router {
  return Router();
}
