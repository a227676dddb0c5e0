import { HomePage } from '../home/HomePage.tsx';
import { FirstRunPage } from './FirstRunPage.tsx';
import { useSetupState } from './setup.api.ts';

/** The home page, or the first-run screen while the hospital has no administrator. */
export function HomeOrFirstRun() {
  const setup = useSetupState();
  if (setup.data?.administratorNeeded) return <FirstRunPage />;
  return <HomePage />;
}
