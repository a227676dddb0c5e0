import { Title, type MantineSpacing } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useHospital } from '../api/hospital.ts';

interface PageTitleProps {
  children: string;
  /** Space below the heading; pages that lay out with a Stack pass 0. */
  mb?: MantineSpacing | 0;
  /**
   * Which in-app navigations move focus to the heading: every one (the default), or only those to another path,
   * for pages whose filters live in the query string and announce their results themselves.
   */
  focusOn?: 'navigation' | 'path';
}

/** The page's single h1. Takes focus after an in-app navigation so screen readers announce the new page. */
export function PageTitle({ children, mb = 'md', focusOn = 'navigation' }: PageTitleProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const hospitalName = useHospital().data?.name;

  useEffect(() => {
    document.title = hospitalName && hospitalName !== children ? `${children} · ${hospitalName}` : children;
  }, [children, hospitalName]);

  const focusKey = focusOn === 'path' ? location.pathname : location.key;
  const firstPage = location.key === 'default';
  useEffect(() => {
    if (!firstPage) ref.current?.focus();
    // Only a change of the focus key (not of the first-page flag) is a new page to announce.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);

  return (
    <Title order={1} ref={ref} tabIndex={-1} className="page-heading" mb={mb}>
      {children}
    </Title>
  );
}
