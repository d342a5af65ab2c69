import fs from 'node:fs';
import { projectPath } from './project-root';

/** Set by scripts/build.mjs in the compiled bundle: the first characters of its sources' hash. */
declare const __BUILD_ID__: string | undefined;

/** Which build is running, for /healthz: null when the server runs from its sources (tsx). */
export const BUILD_ID: string | null = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : null;

export const VERSION: string = (JSON.parse(fs.readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
