import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { hospitalKey, queryClient } from '../../../api/queryClient.ts';
import type { paths } from '../../../api/schema.gen.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Settings = JsonOf<paths['/api/settings']['get']['responses'][200]>;
export type SettingsBody = JsonOf<paths['/api/settings']['put']['requestBody']>;

export const settingsKey = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: async (): Promise<Settings> => unwrap(await api.GET('/api/settings')) });
}

export async function saveSettings(body: SettingsBody): Promise<Settings> {
  return unwrap(await api.PUT('/api/settings', { body }));
}

/** Keeps the saved settings and refetches the public hospital information (name, tagline, rules) everywhere. */
export async function rememberSettings(settings: Settings): Promise<void> {
  queryClient.setQueryData(settingsKey, settings);
  await queryClient.invalidateQueries({ queryKey: hospitalKey });
}
