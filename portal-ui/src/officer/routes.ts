// The officer pages. Each page is its own lazily loaded module.
import type { PageRoute } from '../shell/page-route';

export const officerRoutes: PageRoute[] = [];
