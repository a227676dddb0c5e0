import { Modal, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

interface DialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  size?: MantineSize;
  centered?: boolean;
}

/**
 * A modal dialog that takes the focus and gives it back on close. Its header is a plain div: Mantine's
 * <header> inside role="dialog" would count as a second banner landmark.
 */
export function Dialog({ opened, onClose, title, children, size = 'md', centered = false }: DialogProps) {
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size} centered={centered}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
