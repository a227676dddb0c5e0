import { Button, Container, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <Container size="sm" py="xl" component="main" id="main">
      <Title order={1}>Something went wrong</Title>
      <Text my="md">The page could not be shown. Reloading usually fixes this.</Text>
      <Button onClick={() => window.location.reload()}>Reload the page</Button>
    </Container>
  );
}
