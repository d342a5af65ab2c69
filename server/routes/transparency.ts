import { Router } from 'express';
import type { RouteContext } from '../app';

export function transparencyRouter(_context: RouteContext): Router {
  const router = Router();
  return router;
}
