import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { DeactivateButton } from './DeactivateButton.tsx';
import { Section } from './Section.tsx';

interface ConfirmDeactivateProps {
  /** What is deactivated, as the button and the dialog name it: "doctor". */
  noun: string;
  /** What deactivating does, under the heading. */
  description: string;
  /** The dialog's text: what will happen to this record. */
  consequence: ReactNode;
  deactivate: () => Promise<void>;
  onDeactivated: () => Promise<void>;
  /** Inputs that go with the deactivation, such as a reason, above the button. */
  children?: ReactNode;
}

/** The "Deactivate" section of a record's page: what it does, then a button that asks for confirmation. */
export function ConfirmDeactivate({ noun, description, consequence, deactivate, onDeactivated, children }: ConfirmDeactivateProps) {
  return (
    <Section id="deactivate" title="Deactivate">
      <Text>{description}</Text>
      {children}
      <DeactivateButton noun={noun} consequence={consequence} deactivate={deactivate} onDeactivated={onDeactivated} />
    </Section>
  );
}
