import { Alert, Container, SimpleGrid, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useDirectory } from '../doctors/doctors.api.ts';
import { SpecializationSelect } from '../doctors/SpecializationSelect.tsx';
import { Pager } from '../shared/Pager.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { SearchBar } from '../shared/SearchBar.tsx';
import { useCursorPages } from '../shared/useCursorPages.ts';
import { DoctorCard } from './DoctorCard.tsx';

/** The public doctors directory (/doctors): filter by specialization, search by name. */
export function DirectoryPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const specialization = params.get('specialization') ?? '';
  const pages = useCursorPages(`${q}|${specialization}`);
  const doctors = useDirectory({ q, specialization, cursor: pages.cursor });
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Stack gap="xs">
          <PageTitle mb={0}>Our doctors</PageTitle>
          <Text maw={720}>Find a doctor by specialization or name, read their profile and book an appointment.</Text>
        </Stack>
        <SearchBar label="Search by name" value={q} onSearch={(value) => update('q', value)}>
          <SpecializationSelect
            label="Specialization"
            emptyLabel="All specializations"
            value={specialization}
            onChange={(event) => update('specialization', event.currentTarget.value)}
          />
        </SearchBar>
        <QueryState query={doctors} what="doctors" homePath="/">
          {(page) => (
            <Stack gap="md" aria-busy={doctors.isPlaceholderData}>
              <Text size="sm" role="status">
                {page.items.length === 0
                  ? 'No doctors found.'
                  : `Showing ${page.items.length} ${page.items.length === 1 ? 'doctor' : 'doctors'}${pages.pageNumber > 1 ? ` (page ${pages.pageNumber})` : ''}.`}
              </Text>
              {page.items.length === 0 ? (
                <Alert color="gray" variant="light" title="No doctors match">
                  Try another specialization or fewer letters of the name.
                </Alert>
              ) : (
                <SimpleGrid component="ul" cols={{ base: 1, sm: 2, md: 3 }} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Doctors">
                  {page.items.map((doctor) => (
                    <DoctorCard key={doctor.id} doctor={doctor} />
                  ))}
                </SimpleGrid>
              )}
              <Pager
                pageNumber={pages.pageNumber}
                hasPrevious={pages.hasPrevious}
                nextCursor={page.nextCursor}
                onPrevious={pages.previous}
                onNext={pages.next}
                busy={doctors.isPlaceholderData}
              />
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Container>
  );
}
