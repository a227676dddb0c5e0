import { Button, Group, SimpleGrid, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useSlots, type Slot } from '../api.ts';
import { addDays, dayParts, formatDay, localDate, localTime, todayIn } from '../time.ts';
import { TimeZoneNote } from './TimeZoneNote.tsx';
import { useRovingFocus } from './useRovingFocus.ts';
import './SlotPicker.css';

const WINDOW_DAYS = 7;

interface SlotPickerProps {
  doctorId: string;
  /** The hospital's zone, used until the slots answer names it. */
  timeZone: string;
  /** The chosen slot's start instant. */
  value: string | null;
  onChange: (start: string | null) => void;
  /** Level of the "Free times on …" heading. */
  headingOrder?: 2 | 3 | 4;
  /** Shown above the times, e.g. why the previous choice was lost. */
  notice?: ReactNode;
  /** The first date of the week shown, when the caller keeps it (such as in the address); today when missing or past. */
  week?: string | null;
  onWeekChange?: (week: string) => void;
}

function groupByDay(slots: readonly Slot[], timeZone: string): Map<string, Slot[]> {
  const byDay = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = localDate(slot.start, timeZone);
    const list = byDay.get(day);
    if (list) list.push(slot);
    else byDay.set(day, [slot]);
  }
  return byDay;
}

function DayStrip({
  days,
  counts,
  selected,
  onSelect,
}: {
  days: string[];
  counts: Map<string, number>;
  selected: string | null;
  onSelect: (day: string) => void;
}) {
  const enabled = days.filter((day) => (counts.get(day) ?? 0) > 0);
  const roving = useRovingFocus(enabled, selected);
  return (
    <div role="group" aria-label="Dates" className="day-strip" onKeyDown={roving.onKeyDown}>
      {days.map((day) => {
        const count = counts.get(day) ?? 0;
        const { weekday, dayMonth } = dayParts(day);
        const pressed = day === selected;
        return (
          <UnstyledButton
            key={day}
            className="day-button"
            aria-pressed={pressed}
            disabled={count === 0}
            onClick={() => onSelect(day)}
            {...(count > 0 ? roving.itemProps(day) : {})}
          >
            <span className="day-button-weekday">{weekday}</span>{' '}
            <span className="day-button-date">{dayMonth}</span>{' '}
            <span className="day-button-count">{count} free</span>
          </UnstyledButton>
        );
      })}
    </div>
  );
}

function TimeGrid({
  slots,
  timeZone,
  value,
  onChange,
  labelledBy,
}: {
  slots: Slot[];
  timeZone: string;
  value: string | null;
  onChange: (start: string) => void;
  labelledBy: string;
}) {
  const keys = slots.map((slot) => slot.start);
  const roving = useRovingFocus(keys, value);
  return (
    <SimpleGrid
      role="group"
      aria-labelledby={labelledBy}
      cols={{ base: 3, xs: 4, md: 6 }}
      spacing="xs"
      verticalSpacing="xs"
      onKeyDown={roving.onKeyDown}
    >
      {slots.map((slot) => {
        const pressed = slot.start === value;
        return (
          <Button
            key={slot.start}
            variant={pressed ? 'filled' : 'default'}
            aria-pressed={pressed}
            onClick={() => onChange(slot.start)}
            leftSection={pressed ? <span aria-hidden="true">✓</span> : undefined}
            px="xs"
            {...roving.itemProps(slot.start)}
          >
            {localTime(slot.start, timeZone)}
          </Button>
        );
      })}
    </SimpleGrid>
  );
}

/**
 * Choose a free slot: a week of dates, then the free times of one date, all real buttons that the arrow keys
 * move between. Times are the hospital's wall-clock time, and the picker says so.
 */
export function SlotPicker({ doctorId, timeZone: hospitalZone, value, onChange, headingOrder = 3, notice, week, onWeekChange }: SlotPickerProps) {
  const timesHeadingId = useId();
  const today = todayIn(hospitalZone);
  const [ownWindowStart, setOwnWindowStart] = useState(today);
  const windowStart = onWeekChange ? (week && week > today ? week : today) : ownWindowStart;
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const windowEnd = addDays(windowStart, WINDOW_DAYS - 1);
  const slots = useSlots(doctorId, windowStart, windowEnd);
  const timeZone = slots.data?.timeZone ?? hospitalZone;

  const byDay = useMemo(() => groupByDay(slots.data?.slots ?? [], timeZone), [slots.data, timeZone]);
  const counts = useMemo(() => new Map([...byDay].map(([day, list]) => [day, list.length])), [byDay]);
  const days = Array.from({ length: WINDOW_DAYS }, (_, index) => addDays(windowStart, index));
  const valueDay = value ? localDate(value, timeZone) : null;
  const firstFreeDay = days.find((day) => (counts.get(day) ?? 0) > 0) ?? null;
  const day =
    chosenDay && days.includes(chosenDay) ? chosenDay : valueDay && days.includes(valueDay) ? valueDay : firstFreeDay;
  const daySlots = day ? (byDay.get(day) ?? []) : [];

  function moveWindow(step: number) {
    const next = addDays(windowStart, step);
    const clamped = next < today ? today : next;
    if (onWeekChange) onWeekChange(clamped);
    else setOwnWindowStart(clamped);
    setChosenDay(null);
  }

  return (
    <Stack gap="sm">
      <TimeZoneNote timeZone={timeZone} />
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Button variant="default" size="sm" px="sm" onClick={() => moveWindow(-WINDOW_DAYS)} disabled={windowStart <= today}>
          <span aria-hidden="true">‹&nbsp;</span>Earlier
          <VisuallyHidden> dates</VisuallyHidden>
        </Button>
        <Text fw={600} ta="center" size="sm" aria-live="polite">
          {formatDay(windowStart, 'short')} – {formatDay(windowEnd, 'short')}
        </Text>
        <Button variant="default" size="sm" px="sm" onClick={() => moveWindow(WINDOW_DAYS)}>
          Later<VisuallyHidden> dates</VisuallyHidden>
          <span aria-hidden="true">&nbsp;›</span>
        </Button>
      </Group>
      <DayStrip days={days} counts={counts} selected={day} onSelect={setChosenDay} />
      {notice}
      {slots.isPending ? (
        <Loading label="Loading free times…" />
      ) : slots.isError ? (
        <FormError title="Could not load the free times" message={errorMessage(slots.error)} />
      ) : day === null ? (
        <Text role="status">
          No free times between {formatDay(windowStart)} and {formatDay(windowEnd)}. Try later dates.
        </Text>
      ) : (
        <Stack gap="xs">
          <Title order={headingOrder} size="h5" id={timesHeadingId}>
            Free times on {formatDay(day)}
          </Title>
          {daySlots.length === 0 ? (
            <Text>No free times left on this day. Choose another date.</Text>
          ) : (
            <TimeGrid slots={daySlots} timeZone={timeZone} value={value} onChange={onChange} labelledBy={timesHeadingId} />
          )}
        </Stack>
      )}
      <Text role="status" fw={value ? 600 : undefined} size="sm">
        {value
          ? `Selected: ${formatDay(localDate(value, timeZone))} at ${localTime(value, timeZone)} (${timeZone})`
          : 'No time selected yet.'}
      </Text>
    </Stack>
  );
}
