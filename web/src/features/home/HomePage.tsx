import { Box, Container } from '@mantine/core';
import { useHospital } from '../../api/hospital.ts';
import { FormError } from '../../components/FormError.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { AboutSection } from './AboutSection.tsx';
import { DoctorsSection } from './DoctorsSection.tsx';
import { HomeActions } from './HomeActions.tsx';
import { HomeHero } from './HomeHero.tsx';
import { HowItWorks } from './HowItWorks.tsx';
import { ServicesSection } from './ServicesSection.tsx';
import { VisitUs } from './VisitUs.tsx';

/** The public home page: everything on it comes from the hospital's settings, its specialties and doctors. */
export function HomePage() {
  const hospital = useHospital();
  if (hospital.isPending) return <Loading />;
  if (hospital.isError) {
    return (
      <Container size="lg" py="xl">
        <PageTitle>Welcome</PageTitle>
        <FormError title="Hospital details unavailable" message="We could not load the hospital's details. Please try again later." />
        <Box mt="lg">
          <HomeActions />
        </Box>
      </Container>
    );
  }
  const data = hospital.data;
  return (
    <>
      <HomeHero hospital={data} />
      {data.about && <AboutSection about={data.about} />}
      <ServicesSection services={data.services} />
      <DoctorsSection doctors={data.featuredDoctors} />
      <HowItWorks />
      <VisitUs hospital={data} />
    </>
  );
}
