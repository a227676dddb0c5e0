import type { RouteObject } from 'react-router';

/** Admin-only pages under /app: each page checks the role itself and answers "not found" to anyone else. */
export const adminAppRoutes: RouteObject[] = [];
