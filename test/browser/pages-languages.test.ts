import { describePageChecks } from '../helpers/page-checks';

// The same checks as every French page type (test/helpers/page-checks.ts), on pages in English and
// Spanish: their switcher, alternates and translated words must keep them axe-core clean.
describePageChecks('pages in English and Spanish', [
  { name: 'overview in English', path: '/en/' },
  { name: 'overview in Spanish', path: '/es/' },
  { name: 'indicator in English', path: '/en/indicators/1.1' },
  { name: 'State in Spanish', path: '/es/states/AFG' },
  { name: 'method in English', path: '/en/methodologie' },
]);
