import { Alert, Button, Checkbox, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { queryClient, sessionKey } from '../../../api/queryClient.ts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ADDRESS_MAX_LENGTH, NAME_MAX_LENGTH } from '#shared/limits';
import { ABOUT_MAX_LENGTH, OPENING_HOURS_MAX_LENGTH, TAGLINE_MAX_LENGTH } from '#shared/settings';
import { errorProps, readForm } from '../../../components/form.ts';
import { FormError } from '../../../components/FormError.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../../people/shared/errors.ts';
import { ForRoles } from '../../people/shared/ForRoles.tsx';
import { FormSection } from '../../people/shared/FormSection.tsx';
import { fieldProps } from '../../people/shared/forms.ts';
import { QueryState } from '../../people/shared/QueryState.tsx';
import { ReminderFields } from './ReminderFields.tsx';
import { rememberSettings, saveSettings, useSettings, type Settings, type SettingsBody } from './settings.api.ts';
import { readSettingsForm, settingsFields, timeZoneOptions, toReminderRows, type ReminderRow } from './settingsForm.ts';

interface SettingsFormProps {
  settings: Settings;
  onSubmitted: () => void;
  onSaved: (settings: Settings) => void;
}

function SettingsForm({ settings, onSubmitted, onSaved }: SettingsFormProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [reminders, setReminders] = useState<ReminderRow[]>(() => toReminderRows(settings.reminderOffsetsMinutes));
  const save = useMutation({
    mutationFn: (body: SettingsBody) => saveSettings(body),
    onSuccess: async (saved) => {
      await rememberSettings(saved);
      onSaved(saved);
      // Requiring a second factor for staff may apply to the administrator at once.
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    onSubmitted();
    const result = readSettingsForm(readForm(event.currentTarget), reminders);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.values);
  }

  const field = (name: string) => fieldProps(name, errors);

  return (
    <Stack gap="md">
      <FormError title="Could not save the settings" message={formSummary(save.error, errors, settingsFields)} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-label="Hospital settings">
        <Stack gap="xl">
          <FormSection legend="Hospital information">
            <Stack gap="md">
              <Text size="sm">Shown on the public home page.</Text>
              <TextInput label="Hospital name" required maxLength={NAME_MAX_LENGTH} defaultValue={settings.name} {...field('name')} />
              <TextInput
                label="Tagline (optional)"
                description="One short line under the name."
                maxLength={TAGLINE_MAX_LENGTH}
                defaultValue={settings.tagline ?? ''}
                {...field('tagline')}
              />
              <Textarea label="About (optional)" autosize minRows={3} maxLength={ABOUT_MAX_LENGTH} defaultValue={settings.about ?? ''} {...field('about')} />
              <Textarea label="Address (optional)" autosize minRows={2} maxLength={ADDRESS_MAX_LENGTH} defaultValue={settings.address ?? ''} {...field('address')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Phone (optional)" type="tel" defaultValue={settings.phone ?? ''} {...field('phone')} />
                <TextInput label="Email (optional)" type="email" defaultValue={settings.email ?? ''} {...field('email')} />
              </SimpleGrid>
              <Textarea
                label="Opening hours (optional)"
                description="As patients should read them, for example: Monday to Friday 8:00–20:00."
                autosize
                minRows={2}
                maxLength={OPENING_HOURS_MAX_LENGTH}
                defaultValue={settings.openingHours ?? ''}
                {...field('openingHours')}
              />
            </Stack>
          </FormSection>

          <FormSection legend="Time zone">
            <Select
              label="Hospital time zone"
              description="Every date and time in HMS is shown in this zone, and doctors’ weekly hours are read in it. Type to search, for example London."
              searchable
              required
              allowDeselect={false}
              nothingFoundMessage="No time zone matches"
              data={timeZoneOptions(settings.timeZone)}
              defaultValue={settings.timeZone}
              {...field('timeZone')}
            />
          </FormSection>

          <FormSection legend="Booking rules">
            <Stack gap="md">
              <Radio.Group
                label="Approval of bookings"
                name="approvalMode"
                defaultValue={settings.approvalMode}
                error={errors.approvalMode}
                errorProps={errorProps}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="manual" label="Staff confirm each request" description="A booking waits as a request until a doctor or receptionist confirms it." />
                  <Radio value="auto" label="Confirm bookings at once" description="A free slot a patient books is confirmed straight away." />
                </Stack>
              </Radio.Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Minimum notice (minutes)"
                  description="How long before its start a slot stops being bookable: 0 to 10080 (7 days); 120 is 2 hours."
                  inputMode="numeric"
                  required
                  defaultValue={String(settings.minNoticeMinutes)}
                  {...field('minNoticeMinutes')}
                />
                <TextInput
                  label="Booking horizon (days)"
                  description="How far ahead patients may book: 1 to 730 days."
                  inputMode="numeric"
                  required
                  defaultValue={String(settings.bookingHorizonDays)}
                  {...field('bookingHorizonDays')}
                />
                <TextInput
                  label="Cancellation notice (hours)"
                  description="Patients cannot cancel or move an appointment online later than this before it starts; staff always can. 0 to 720 hours."
                  inputMode="numeric"
                  required
                  defaultValue={String(settings.cancellationNoticeHours)}
                  {...field('cancellationNoticeHours')}
                />
                <TextInput
                  label="Open requests per patient"
                  description="Requests a patient may have waiting for confirmation at once: 1 to 50."
                  inputMode="numeric"
                  required
                  defaultValue={String(settings.maxOpenRequestsPerPatient)}
                  {...field('maxOpenRequestsPerPatient')}
                />
              </SimpleGrid>
            </Stack>
          </FormSection>

          <FormSection legend="Reminders">
            <Stack gap="sm">
              <Text size="sm">
                Patients are reminded of a confirmed appointment at these times before it starts: in HMS, and by email or text message as
                they choose. Each from 5 minutes to 7 days before. Changes apply to appointments confirmed or moved from now on.
              </Text>
              <ReminderFields rows={reminders} onChange={setReminders} errors={errors} />
            </Stack>
          </FormSection>

          <FormSection legend="Consultations">
            <Stack gap="md">
              <Radio.Group
                label="Temperature unit"
                description="The unit doctors type and everyone reads temperatures in; HMS always stores them in °C."
                name="temperatureUnit"
                defaultValue={settings.temperatureUnit}
                error={errors.temperatureUnit}
                errorProps={errorProps}
              >
                <Group gap="lg" mt="xs">
                  <Radio value="C" label="Celsius (°C)" />
                  <Radio value="F" label="Fahrenheit (°F)" />
                </Group>
              </Radio.Group>
              <Checkbox
                name="requireSignedConsultation"
                value="yes"
                label="Completing a visit needs its signed consultation"
                description="When on, a visit is completed by signing its consultation; the plain Complete action waits for the signature."
                defaultChecked={settings.requireSignedConsultation}
              />
            </Stack>
          </FormSection>

          <FormSection legend="Sessions">
            <Stack gap="sm">
              <Text size="sm">A lower limit also ends the sessions already open that exceed it, yours included.</Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Idle timeout (minutes)"
                  description="Signed out after this long without activity: 5 to 1440 minutes."
                  inputMode="numeric"
                  required
                  defaultValue={String(settings.sessionIdleMinutes)}
                  {...field('sessionIdleMinutes')}
                />
                <TextInput
                  label="Session lifetime (hours)"
                  description="Signed out this long after signing in, however active: 1 to 720 hours."
                  inputMode="numeric"
                  required
                  defaultValue={String(settings.sessionAbsoluteHours)}
                  {...field('sessionAbsoluteHours')}
                />
              </SimpleGrid>
              <Checkbox
                name="mfaRequiredForStaff"
                label="Require two-step verification for staff"
                description="Administrators, doctors and receptionists without it are asked to set it up at their next sign-in and can do nothing else until they have. Patients may turn it on themselves."
                defaultChecked={settings.mfaRequiredForStaff}
              />
            </Stack>
          </FormSection>

          <Group>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** Says the save went through, taking focus so that it is read out after the form was submitted. */
function SavedNotice() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert ref={ref} tabIndex={-1} color="green" variant="light" title="Settings saved" role="status">
      The new settings apply from now on; the home page already shows the hospital information.
    </Alert>
  );
}

function SettingsView() {
  const query = useSettings();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Stack gap="md" maw={860}>
      <PageTitle mb={0}>Settings</PageTitle>
      <Text>The hospital’s public information, its time zone, the booking rules patients are held to, reminders, consultations and sign-in sessions.</Text>
      {saved && <SavedNotice key={saved} />}
      <QueryState query={query} what="settings">
        {(settings) => (
          <SettingsForm
            key={settings.updatedAt}
            settings={settings}
            onSubmitted={() => setSaved(null)}
            onSaved={(next) => setSaved(`${next.updatedAt}:${Date.now()}`)}
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** /app/settings: the administrator's hospital settings. */
export function SettingsPage() {
  return <ForRoles roles={['admin']}>{() => <SettingsView />}</ForRoles>;
}
