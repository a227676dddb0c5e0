import { Anchor, Container, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';

export function NotFoundPage({ homePath = '/' }: { homePath?: string }) {
  return (
    <Container size="sm" py="xl">
      <PageTitle>Page not found</PageTitle>
      <Text mb="md">We could not find the page you asked for. It may have moved, or the address may be mistyped.</Text>
      <Anchor component={Link} to={homePath} c="care.8" underline="always">
        {homePath === '/' ? 'Go to the home page' : 'Go to your dashboard'}
      </Anchor>
    </Container>
  );
}
