import { Button, Text, VisuallyHidden } from '@mantine/core';

interface ExportLinkProps {
  href: string;
  /** What the file holds, for the link's accessible name: "patients". */
  what: string;
  /** Why the file cannot be downloaded yet, when it cannot. */
  problem?: string | null;
}

/** "Download CSV": a plain link to the file (a GET with the session cookie), or the reason it is not offered. */
export function ExportLink({ href, what, problem }: ExportLinkProps) {
  if (problem) return <Text size="sm">{problem}</Text>;
  return (
    <Button component="a" href={href} download w="fit-content">
      Download CSV<VisuallyHidden> of {what}</VisuallyHidden>
    </Button>
  );
}
