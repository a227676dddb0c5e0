import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Hospital } from '../../api/types.ts';
import { mailtoHref, telHref } from '../../components/contact.ts';
import { HomeSection } from './HomeSection.tsx';
import { zoneInWords } from './zoneName.ts';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Where the hospital is, how to reach it and when it is open. Left out when the hospital has given none of it. */
export function VisitUs({ hospital }: { hospital: Hospital }) {
  const { address, phone, email, openingHours, timeZone } = hospital;
  if (!address && !phone && !email && !openingHours) return null;
  return (
    <HomeSection id="visit" title="Visit us">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xl">
        {address && (
          <Block title="Address">
            <Text component="address" fs="normal" style={{ whiteSpace: 'pre-line' }}>
              {address}
            </Text>
          </Block>
        )}
        {(phone || email) && (
          <Block title="Contact">
            {phone && (
              <Text>
                Phone:{' '}
                <Anchor href={telHref(phone)} c="care.8" underline="always">
                  {phone}
                </Anchor>
              </Text>
            )}
            {email && (
              <Text style={{ overflowWrap: 'anywhere' }}>
                Email:{' '}
                <Anchor href={mailtoHref(email)} c="care.8" underline="always">
                  {email}
                </Anchor>
              </Text>
            )}
          </Block>
        )}
        {openingHours && (
          <Block title="Opening hours">
            <Text style={{ whiteSpace: 'pre-line' }}>{openingHours}</Text>
          </Block>
        )}
      </SimpleGrid>
      <Text size="sm" c="gray.7" mt="xl">
        Opening hours and appointment times are in {zoneInWords(timeZone)} ({timeZone}).
      </Text>
    </HomeSection>
  );
}
