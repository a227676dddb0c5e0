import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.gen.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type NotificationPage = JsonOf<paths['/api/notifications']['get']['responses'][200]>;
export type AppNotification = NotificationPage['items'][number];
export type Preferences = JsonOf<paths['/api/notifications/preferences']['get']['responses'][200]>;
export type PreferenceItem = Preferences['items'][number];
export type NotificationKind = PreferenceItem['kind'];
export type PreferencesBody = JsonOf<paths['/api/notifications/preferences']['put']['requestBody']>;

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  list: ['notifications', 'list'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

const PAGE_SIZE = 20;
export const UNREAD_POLL_MS = 30_000;

/** How many of my notifications are unread; polled every 30 s and whenever the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: async () => unwrap(await api.GET('/api/notifications/unread-count')).count,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
}

/** My notifications, newest first, a page at a time ("Older notifications" loads the next). */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/notifications', { params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
}

function useInvalidateNotifications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationKeys.all, refetchType: 'active' });
}

export function useMarkRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
    },
    onSettled: invalidate,
  });
}

export function useMarkAllRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.POST('/api/notifications/read-all'));
    },
    onSettled: invalidate,
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: async () => unwrap(await api.GET('/api/notifications/preferences')),
  });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PreferencesBody) => unwrap(await api.PUT('/api/notifications/preferences', { body })),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences, saved),
  });
}

export function useCreateCalendarFeed() {
  return useMutation({
    // The server may answer a path; calendar apps need the full address.
    mutationFn: async () => new URL(unwrap(await api.POST('/api/calendar-feed')).url, window.location.origin).href,
  });
}

export function useRevokeCalendarFeed() {
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.DELETE('/api/calendar-feed'));
    },
  });
}
