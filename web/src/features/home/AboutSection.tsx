import { Text } from '@mantine/core';
import { HomeSection } from './HomeSection.tsx';

/** The hospital's own words about itself, with the admin's paragraphs kept. */
export function AboutSection({ about }: { about: string }) {
  return (
    <HomeSection id="about" title="About us">
      <Text fz={{ base: 'md', sm: 'lg' }} maw={760} style={{ whiteSpace: 'pre-line' }}>
        {about}
      </Text>
    </HomeSection>
  );
}
