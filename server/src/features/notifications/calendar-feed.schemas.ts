import { Type } from 'typebox';

export const CalendarFeed = Type.Object({
  url: Type.String({ description: 'The secret address of my calendar feed (absolute when HMS_PUBLIC_URL is set): anyone with it can read my appointment times' }),
});

export const CalendarFeedParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) });

export const CalendarText = {
  description: 'iCalendar text: upcoming requested and confirmed appointments',
  content: { 'text/calendar': { schema: Type.String() } },
};
