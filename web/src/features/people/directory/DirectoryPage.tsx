import { Container, SimpleGrid, Stack, Text } from '@mantine/core';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { DoctorSearch } from '../doctors/DoctorSearch.tsx';
import { DoctorCard } from './DoctorCard.tsx';

function count(shown: number, pageNumber: number): string {
  if (shown === 0) return 'No doctors found.';
  return `Showing ${shown} ${shown === 1 ? 'doctor' : 'doctors'}${pageNumber > 1 ? ` (page ${pageNumber})` : ''}.`;
}

/** The public doctors directory (/doctors): filter by specialization, search by name. */
export function DirectoryPage() {
  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Stack gap="xs">
          <PageTitle mb={0}>Our doctors</PageTitle>
          <Text maw={720}>Find a doctor by specialization or name, read their profile and book an appointment.</Text>
        </Stack>
        <DoctorSearch
          searchLabel="Search by name"
          homePath="/"
          empty={() => ({ title: 'No doctors match', text: 'Try another specialization or fewer letters of the name.' })}
          summary={(doctors, pageNumber) => (
            <Text size="sm" role="status">
              {count(doctors.length, pageNumber)}
            </Text>
          )}
        >
          {(doctors) => (
            <SimpleGrid component="ul" cols={{ base: 1, sm: 2, md: 3 }} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Doctors">
              {doctors.map((doctor) => (
                <DoctorCard key={doctor.id} doctor={doctor} />
              ))}
            </SimpleGrid>
          )}
        </DoctorSearch>
      </Stack>
    </Container>
  );
}
