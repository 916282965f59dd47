import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// Every schema the Gmail content script reaches is written with zod/mini, Zod 4's
// tree-shakable functional API: classic `zod` costs the Gmail bundle ~26 KB gzipped against
// its 150 KB budget (issue 4). zod/mini has no default locale, so without this its issues
// would all read "Invalid input"; classic `zod` sets the same English locale only once a
// classic schema is built. Setting it here, unless something chose another first, keeps the
// messages users see ("Too big: expected number to be <=10080") the same in every context.
if (!z.config().localeError) z.config(en());

export { z };
