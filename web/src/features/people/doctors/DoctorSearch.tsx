import type { ReactNode } from 'react';
import { PagedResults } from '../shared/PagedResults.tsx';
import { SearchBar } from '../shared/SearchBar.tsx';
import { useListSearchParams } from '../shared/useListSearchParams.ts';
import type { PublicDoctor } from '../types.ts';
import { useDirectory } from './doctors.api.ts';
import { SpecializationSelect } from './SpecializationSelect.tsx';

interface DoctorSearchProps {
  searchLabel: string;
  homePath?: string;
  /** The note when no doctor is found, which may depend on whether a search or filter is applied. */
  empty: (filtered: boolean) => { title: string; text: string };
  /** Shown above the doctors of the page. */
  summary?: (doctors: PublicDoctor[], pageNumber: number) => ReactNode;
  children: (doctors: PublicDoctor[]) => ReactNode;
}

/** Active doctors searched by name and filtered by specialization, page by page, shown as the page chooses. */
export function DoctorSearch({ searchLabel, homePath, empty, summary, children }: DoctorSearchProps) {
  const { values, update, pages } = useListSearchParams(['q', 'specialization']);
  const { q, specialization } = values;
  const doctors = useDirectory({ q, specialization, cursor: pages.cursor });
  return (
    <>
      <SearchBar label={searchLabel} value={q} onSearch={(value) => update('q', value)}>
        <SpecializationSelect
          label="Specialization"
          emptyLabel="All specializations"
          value={specialization}
          onChange={(event) => update('specialization', event.currentTarget.value)}
        />
      </SearchBar>
      <PagedResults<PublicDoctor>
        query={doctors}
        pages={pages}
        what="doctors"
        homePath={homePath}
        empty={empty(q !== '' || specialization !== '')}
        summary={summary && ((items) => summary(items, pages.pageNumber))}
      >
        {children}
      </PagedResults>
    </>
  );
}
