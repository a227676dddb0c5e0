import { Button } from '@mantine/core';

/** Opens the browser's print dialog; the printed page drops the navigation, the filters and every button. */
export function PrintButton({ label = 'Print this list' }: { label?: string }) {
  return (
    <Button variant="default" className="no-print" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
