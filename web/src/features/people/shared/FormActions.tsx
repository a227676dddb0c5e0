import { Anchor, Button, Group } from '@mantine/core';
import { Link } from 'react-router';

interface FormActionsProps {
  submitLabel: string;
  pending: boolean;
  /** Where "Cancel" leads back to; no Cancel link without it. */
  cancelTo?: string;
}

/** A form's submit button, with a Cancel link back to where the form was opened from. */
export function FormActions({ submitLabel, pending, cancelTo }: FormActionsProps) {
  return (
    <Group>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
      {cancelTo && (
        <Anchor component={Link} to={cancelTo} c="care.8" underline="always">
          Cancel
        </Anchor>
      )}
    </Group>
  );
}
