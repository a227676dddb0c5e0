import { Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { activityPending, lastExtendedAt, listenForActivity, markActivity } from '../../api/activity.ts';
import { api, expectSessionEnd } from '../../api/client.ts';
import { queryClient } from '../../api/queryClient.ts';
import { signOut } from '../../api/session.ts';
import { Dialog } from '../scheduling/components/Dialog.tsx';

const WARN_MS = 60_000;
// While the user is active, the server hears of it at least this often, so its idle clock matches this one.
const TELL_SERVER_MS = 20_000;
const TICK_MS = 1_000;

/** Where the idle sign-out lands: a full page load, so nothing of the previous screen stays in memory or on screen. */
export const IDLE_SIGNED_OUT_URL = '/login?idle=1';

async function signOutIdle(): Promise<void> {
  expectSessionEnd();
  try {
    await signOut();
  } finally {
    queryClient.clear();
    window.location.replace(IDLE_SIGNED_OUT_URL);
  }
}

/**
 * Automatic sign-out: warns a minute before the hospital's idle limit ("Stay signed in?") and then signs out.
 * Only the user's own key and pointer presses count as activity (api/activity.ts).
 */
export function IdleGuard({ idleMinutes }: { idleMinutes: number }) {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  useEffect(() => {
    const stop = listenForActivity();
    let ending = false;
    const tick = () => {
      if (ending) return;
      const now = Date.now();
      if (activityPending() && now - lastExtendedAt() >= TELL_SERVER_MS) void api.GET('/api/auth/session');
      const left = lastExtendedAt() + idleMinutes * 60_000 - now;
      if (left <= 0) {
        ending = true;
        void signOutIdle();
        return;
      }
      setSecondsLeft(left <= WARN_MS && !activityPending() ? Math.ceil(left / 1000) : null);
    };
    const timer = window.setInterval(tick, TICK_MS);
    return () => {
      stop();
      window.clearInterval(timer);
    };
  }, [idleMinutes]);

  const stay = () => {
    markActivity();
    setSecondsLeft(null);
    void api.GET('/api/auth/session');
  };

  return (
    <Dialog opened={secondsLeft !== null} onClose={stay} title="Stay signed in?">
      <Text>
        You have been inactive for a while. For the privacy of patients you will be signed out in {secondsLeft ?? 0} seconds.
      </Text>
      <Group mt="md" justify="flex-end">
        <Button variant="default" onClick={() => void signOutIdle()}>
          Sign out now
        </Button>
        <Button onClick={stay} data-autofocus>
          Stay signed in
        </Button>
      </Group>
    </Dialog>
  );
}
