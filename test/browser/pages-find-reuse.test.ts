import { describePageChecks } from '../helpers/page-checks';
import { OTHER_PAGE_TYPES } from '../helpers/pages';

jest.setTimeout(300_000);

describePageChecks('search, API documentation and embeds in Chromium with the demonstration data', OTHER_PAGE_TYPES);
