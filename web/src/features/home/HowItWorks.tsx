import { Card, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { HomeSection } from './HomeSection.tsx';

const steps = [
  { title: 'Create your account', text: 'Register once with your contact details.' },
  { title: 'Choose a doctor and a time', text: 'See free appointment times and request the one that suits you.' },
  { title: 'Get confirmation', text: 'Follow your appointment’s status from your dashboard.' },
];

/** How booking online works, in three steps. */
export function HowItWorks() {
  return (
    <HomeSection id="how" title="How it works" tint="gray.0">
      <SimpleGrid component="ol" cols={{ base: 1, sm: 3 }} spacing="lg" p={0} m={0} style={{ listStyle: 'none' }}>
        {steps.map((step, index) => (
          <Card component="li" key={step.title} withBorder padding="lg">
            <ThemeIcon size={40} radius="xl" color="care.7" aria-hidden="true" mb="sm">
              <Text fw={700} c="white">
                {index + 1}
              </Text>
            </ThemeIcon>
            <Title order={3} size="h4">
              {step.title}
            </Title>
            <Text mt={4}>{step.text}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </HomeSection>
  );
}
