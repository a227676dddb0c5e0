import { Alert } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

/** The page's latest "done" message, and a setter to pass to the things that change appointments. */
export function useAnnouncement() {
  const [announcement, setAnnouncement] = useState<{ message: string; at: number } | null>(null);
  return {
    announcement,
    announce: (message: string) => setAnnouncement({ message, at: Date.now() }),
    clear: () => setAnnouncement(null),
  };
}

/**
 * A success message that takes focus when it appears: the control that was used has often just left the
 * list (a confirmed request leaves the queue), and focus must not fall back to the top of the document.
 */
export function Announcement({ announcement, onClose }: { announcement: { message: string; at: number } | null; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (announcement) ref.current?.focus();
  }, [announcement]);
  if (!announcement) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="status"
      color="green"
      variant="light"
      title="Done"
      withCloseButton
      closeButtonLabel="Dismiss message"
      onClose={onClose}
    >
      {announcement.message}
    </Alert>
  );
}
