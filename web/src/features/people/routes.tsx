import type { RouteObject } from 'react-router';

/** Signed-in pages of the people feature, under /app. */
export const peopleAppRoutes: RouteObject[] = [];

/** Public pages of the people feature (the doctors directory). */
export const peoplePublicRoutes: RouteObject[] = [];
