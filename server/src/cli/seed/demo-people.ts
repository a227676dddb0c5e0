import type { Gender } from '#shared/people';
import { BLOOD_GROUPS, NAME_GROUPS, STREETS, TOWNS, type NameGroup } from './people-data.ts';
import type { Random } from './random.ts';
import type { BloodGroup } from '#shared/people';

export interface DemoPatient {
  name: string;
  email: string;
  dateOfBirth: string;
  gender: Gender;
  phone: string;
  address: string;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  bloodGroup: BloodGroup | null;
}

/** The email domain of every demo account: example.com is reserved, so no mail ever reaches a real person. */
export const DEMO_EMAIL_DOMAIN = 'example.com';

const DAY_MS = 86_400_000;
const BORN_FROM = Date.UTC(1938, 0, 1);
const BORN_UNTIL = Date.UTC(2007, 11, 31);
// Letters used in the inward part of UK postcodes.
const POSTCODE_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** Ofcom keeps 07700 900000–900999 and 0113 496 0000–0999 for fiction: realistic, and nobody's real number. */
function phoneNumber(random: Random): string {
  const digits = (n: number, width: number) => String(n).padStart(width, '0');
  return random.chance(0.8) ? `07700 900${digits(random.int(0, 999), 3)}` : `0113 496 0${digits(random.int(0, 999), 3)}`;
}

function address(random: Random): string {
  const [town, districts] = random.pick(TOWNS);
  const postcode = `${random.pick(districts)} ${random.int(1, 9)}${random.pick(POSTCODE_LETTERS)}${random.pick(POSTCODE_LETTERS)}`;
  const flat = random.chance(0.15) ? `Flat ${random.int(1, 12)}, ` : '';
  return `${flat}${random.int(1, 180)} ${random.pick(STREETS)}, ${town} ${postcode}`;
}

function givenName(random: Random, group: NameGroup, gender: Gender): string {
  if (gender === 'female') return random.pick(group.female);
  if (gender === 'male') return random.pick(group.male);
  return random.pick(random.chance(0.5) ? group.female : group.male);
}

/** One made-up patient; `number` makes the email unique. */
export function demoPatient(random: Random, number: number): DemoPatient {
  const group = random.weighted(NAME_GROUPS.map((g) => [g, g.weight] as const));
  const gender = random.weighted<Gender>([['female', 49], ['male', 48], ['other', 1.5], ['undisclosed', 1.5]]);
  const given = givenName(random, group, gender);
  const family = random.pick(group.family);
  const born = new Date(BORN_FROM + random.int(0, (BORN_UNTIL - BORN_FROM) / DAY_MS) * DAY_MS);
  const hasContact = random.chance(0.75);
  const contactNames = [...group.female, ...group.male].filter((name) => name !== given);
  return {
    name: `${given} ${family}`,
    email: `${ascii(given)}.${ascii(family)}${number}@${DEMO_EMAIL_DOMAIN}`,
    dateOfBirth: born.toISOString().slice(0, 10),
    gender,
    phone: phoneNumber(random),
    address: address(random),
    emergencyContactName: hasContact ? `${random.pick(contactNames)} ${random.chance(0.8) ? family : random.pick(group.family)}` : null,
    emergencyContactPhone: hasContact ? phoneNumber(random) : null,
    bloodGroup: random.chance(0.6) ? random.weighted(BLOOD_GROUPS) : null,
  };
}
