import { describePageChecks } from '../helpers/page-checks';
import { PAGE_TYPES } from '../helpers/pages';

jest.setTimeout(300_000);

describePageChecks(
  'dashboard pages in Chromium with the demonstration data: the indicator and State pages',
  PAGE_TYPES.filter((p) => /^\/(indicators|states)/.test(p.path)),
);
