import { Avatar, type MantineSize } from '@mantine/core';
import { initials } from '../shared/format.ts';
import { doctorPhotoUrl } from './doctors.api.ts';

interface DoctorPhotoProps {
  id: string;
  name: string;
  hasPhoto: boolean;
  size?: MantineSize | number;
  /** Changes the photo's address after an upload, so the new one is shown. */
  version?: string | undefined;
  /** Decorative next to the doctor's name; described when it stands alone. */
  decorative?: boolean;
}

/** The doctor's photo, or their initials when there is none. */
export function DoctorPhoto({ id, name, hasPhoto, size = 'lg', version, decorative: asked = true }: DoctorPhotoProps) {
  // Initials say nothing the name beside them does not.
  const decorative = asked || !hasPhoto;
  return (
    <Avatar
      src={hasPhoto ? doctorPhotoUrl(id, version) : null}
      alt={decorative ? '' : `Photo of ${name}`}
      size={size}
      radius="md"
      color="care"
      aria-hidden={decorative ? true : undefined}
    >
      {initials(name)}
    </Avatar>
  );
}
