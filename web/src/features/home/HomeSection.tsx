import { Box, Container, Group, Title, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

interface HomeSectionProps {
  /** Names the section's heading (`<id>-heading`), which labels the section. */
  id: string;
  title: string;
  /** A background band that sets the section apart from its neighbours. */
  tint?: MantineColor;
  /** A link shown beside the heading, such as "See all our doctors". */
  action?: ReactNode;
  children: ReactNode;
}

/** One band of the home page: a labelled section with its heading, full width, content centred. */
export function HomeSection({ id, title, tint, action, children }: HomeSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <Box component="section" aria-labelledby={headingId} bg={tint} py={{ base: 40, sm: 64 }}>
      <Container size="lg">
        <Group justify="space-between" align="baseline" gap="xs" mb="lg">
          <Title order={2} id={headingId}>
            {title}
          </Title>
          {action}
        </Group>
        {children}
      </Container>
    </Box>
  );
}
