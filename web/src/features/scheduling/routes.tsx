import type { RouteObject } from 'react-router';

/** Signed-in pages of the scheduling feature, under /app. */
export const schedulingAppRoutes: RouteObject[] = [];
