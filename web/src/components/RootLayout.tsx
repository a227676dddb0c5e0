import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Loading } from './Loading.tsx';
import { SkipLink } from './SkipLink.tsx';

export function RootLayout() {
  return (
    <>
      <SkipLink />
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </>
  );
}
