import type { Trx } from '../../db/types.ts';
import { writeAudit } from '../../features/audit/audit.service.ts';
import { insertUser } from '../../features/auth/auth.queries.ts';
import { insertDoctor } from '../../features/doctors/doctors.queries.ts';
import { insertAvailabilityIntervals } from '../../features/scheduling/scheduling.queries.ts';
import { newId } from '../../ids.ts';
import { DEMO_EMAIL_DOMAIN } from './demo-people.ts';
import type { Random } from './random.ts';
import { countRows, listSpecializationIds } from './seed.queries.ts';
import { insertInBatches, type SeedContext, type SeedModule } from './seed-module.ts';

interface DoctorProfile {
  readonly given: string;
  readonly family: string;
  /** A specialization created by migration 002, by name. */
  readonly specialization: string;
  readonly department: string;
  readonly bio: string;
  readonly languages: readonly string[];
}

/** Ten consultants, one per specialization. Experience, fee, slot length and hours come from the seeded random source. */
const DOCTOR_PROFILES: readonly DoctorProfile[] = [
  { given: 'Eleanor', family: 'Whitfield', specialization: 'General practice', department: 'Outpatients', bio: 'Family doctor with a special interest in long-term conditions and preventive care.', languages: ['English'] },
  { given: 'Rajesh', family: 'Kapoor', specialization: 'Cardiology', department: 'Heart Centre', bio: 'Consultant cardiologist focusing on heart rhythm problems and high blood pressure.', languages: ['English', 'Hindi', 'Punjabi'] },
  { given: 'Fiona', family: 'MacLeod', specialization: 'Dermatology', department: 'Skin Clinic', bio: 'Treats eczema, psoriasis and acne, and runs the mole-check clinic.', languages: ['English'] },
  { given: 'Adebayo', family: 'Okonkwo', specialization: 'Paediatrics', department: "Children's Unit", bio: 'Paediatrician caring for children with asthma, allergies and growth concerns.', languages: ['English', 'Yoruba'] },
  { given: 'Thomas', family: 'Hargreaves', specialization: 'Orthopaedics', department: 'Musculoskeletal Service', bio: 'Orthopaedic surgeon specialising in knee and hip problems and sports injuries.', languages: ['English'] },
  { given: 'Katarzyna', family: 'Nowicka', specialization: 'Neurology', department: 'Neurosciences', bio: 'Neurologist with a particular interest in migraine and epilepsy.', languages: ['English', 'Polish'] },
  { given: 'Amira', family: 'Hassan', specialization: 'Gynaecology', department: "Women's Health", bio: "Gynaecologist offering care for menstrual problems, menopause and pelvic pain.", languages: ['English', 'Arabic'] },
  { given: 'Martin', family: 'Doyle', specialization: 'ENT', department: 'Ear, Nose and Throat', bio: 'ENT surgeon seeing adults and children with hearing, sinus and tonsil problems.', languages: ['English'] },
  { given: 'Mei', family: 'Lin', specialization: 'Endocrinology', department: 'Diabetes and Endocrine Centre', bio: 'Endocrinologist helping people manage diabetes and thyroid disorders.', languages: ['English', 'Mandarin', 'Cantonese'] },
  { given: 'Sunita', family: 'Rao', specialization: 'Gastroenterology', department: 'Digestive Diseases', bio: 'Gastroenterologist treating reflux, irritable bowel syndrome and liver conditions.', languages: ['English', 'Gujarati'] },
];

interface WeeklyHours {
  weekday: number;
  start_minute: number;
  end_minute: number;
}

interface DemoDoctor {
  profile: DoctorProfile;
  email: string;
  phone: string;
  yearsExperience: number;
  feeMinor: number;
  slotMinutes: number;
  hours: WeeklyHours[];
}

const hm = (hours: number, minutes = 0) => hours * 60 + minutes;
const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** Mon–Fri mornings and afternoons around a lunch hour; a few doctors skip one afternoon, some work Saturday mornings. */
function weeklyHours(random: Random): WeeklyHours[] {
  const start = random.pick([hm(8, 30), hm(9)]);
  const lunch = random.pick([hm(12, 30), hm(13)]);
  const end = random.pick([hm(16, 30), hm(17)]);
  const afternoonOff = random.chance(0.3) ? random.int(1, 5) : null;
  const hours: WeeklyHours[] = [];
  for (let weekday = 1; weekday <= 5; weekday += 1) {
    hours.push({ weekday, start_minute: start, end_minute: lunch });
    if (weekday !== afternoonOff) hours.push({ weekday, start_minute: lunch + 60, end_minute: end });
  }
  if (random.chance(0.3)) hours.push({ weekday: 6, start_minute: hm(9), end_minute: hm(12) });
  return hours;
}

function demoDoctor(random: Random, profile: DoctorProfile, suffix: string): DemoDoctor {
  return {
    profile,
    email: `dr.${ascii(profile.given)}.${ascii(profile.family)}${suffix}@${DEMO_EMAIL_DOMAIN}`,
    phone: `0113 496 0${String(random.int(0, 999)).padStart(3, '0')}`,
    yearsExperience: random.int(4, 30),
    // £80–£250 in steps of £5, in pence.
    feeMinor: random.int(16, 50) * 500,
    slotMinutes: random.pick([20, 30]),
    hours: weeklyHours(random),
  };
}

async function insertDemoDoctor(trx: Trx, context: SeedContext, doctor: DemoDoctor, specializationId: string): Promise<void> {
  const userId = newId();
  const doctorId = newId();
  const at = context.now.toISOString();
  const name = `Dr ${doctor.profile.given} ${doctor.profile.family}`;
  await insertUser(trx, {
    id: userId, email: doctor.email, name, role: 'doctor', password_hash: context.demoPasswordHash,
    active: 1, must_change_password: 0, created_at: at, updated_at: at,
  });
  await insertDoctor(trx, {
    id: doctorId, user_id: userId, name, phone: doctor.phone, specialization_id: specializationId, department: doctor.profile.department,
    bio: doctor.profile.bio, years_experience: doctor.yearsExperience, fee_minor: doctor.feeMinor, fee_currency: 'GBP',
    languages: JSON.stringify(doctor.profile.languages), public_email: 1, public_phone: 0, slot_minutes: doctor.slotMinutes,
    photo_content_type: null, photo_base64: null, active: 1, created_at: at, updated_at: at,
  });
  await insertAvailabilityIntervals(trx, doctor.hours.map((hours) => ({ id: newId(), doctor_id: doctorId, ...hours })));
  await writeAudit(trx, context.now, {
    actorId: null, actorRole: null, action: 'doctor.create', entityType: 'doctor', entityId: doctorId, outcome: 'success',
    details: { userId, via: 'hms seed-demo' },
  });
}

/**
 * Ten doctors with a login each and a weekly plan. Skipped when the database already has doctors, unless
 * --force, in which case the new doctors' emails carry a number so they do not collide with the earlier ones.
 */
export const doctorsSeed: SeedModule = {
  name: 'doctors',
  async run(context) {
    const existing = await countRows(context.db, 'doctors');
    if (existing > 0 && !context.options.force) return { created: [], signIns: [] };
    const specializations = await listSpecializationIds(context.db);
    const doctors = DOCTOR_PROFILES.flatMap((profile, index) => {
      const specializationId = specializations.get(profile.specialization.toLowerCase());
      const doctor = demoDoctor(context.random, profile, existing === 0 ? '' : String(existing + index + 1));
      return specializationId === undefined ? [] : [{ doctor, specializationId }];
    });
    await insertInBatches(context.db, 'doctors', doctors, (trx, item) => insertDemoDoctor(trx, context, item.doctor, item.specializationId));
    const first = doctors[0];
    return {
      created: doctors.length > 0 ? [`${doctors.length} doctor${doctors.length === 1 ? '' : 's'} with weekly hours`] : [],
      signIns: first ? [{ role: 'doctor', email: `${first.doctor.email} (and the other demo doctors)` }] : [],
    };
  },
};
