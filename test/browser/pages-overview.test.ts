import { describePageChecks } from '../helpers/page-checks';
import { PAGE_TYPES } from '../helpers/pages';

jest.setTimeout(300_000);

describePageChecks(
  'dashboard pages in Chromium with the demonstration data: the overview, sections, actions and committees',
  PAGE_TYPES.filter((p) => !/^\/(indicators|states)/.test(p.path)),
);
