import { Title, type MantineSpacing } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useHospital } from '../api/hospital.ts';

interface PageTitleProps {
  children: string;
  /** Space below the heading; pages that lay out with a Stack pass 0. */
  mb?: MantineSpacing | 0;
}

/** The page's single h1. Takes focus after an in-app navigation so screen readers announce the new page. */
export function PageTitle({ children, mb = 'md' }: PageTitleProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const hospitalName = useHospital().data?.name;

  useEffect(() => {
    document.title = hospitalName && hospitalName !== children ? `${children} · ${hospitalName}` : children;
  }, [children, hospitalName]);

  useEffect(() => {
    if (location.key !== 'default') ref.current?.focus();
  }, [location.key]);

  return (
    <Title order={1} ref={ref} tabIndex={-1} className="page-heading" mb={mb}>
      {children}
    </Title>
  );
}
