import type { ConsultationsTable } from '../../db/types.ts';
import { newId } from '../../ids.ts';
import type { Random } from './random.ts';
import { listCompletedWithoutConsultation } from './seed.queries.ts';
import { insertInBatches, type SeedModule } from './seed-module.ts';

/** Plausible visits: what the patient came with, what was found, and the coded diagnosis. */
const VISITS = [
  { complaint: 'Persistent dry cough for two weeks', examination: 'Chest clear, no wheeze', assessment: 'Post-viral cough', plan: 'Honey and warm drinks; avoid smoke', followUp: 'Come back if the cough lasts beyond four more weeks', diagnosis: { text: 'Cough', code: 'R05' } },
  { complaint: 'Headaches most mornings', examination: 'Neurological examination normal; fundi normal', assessment: 'Tension-type headache', plan: 'Regular sleep, fluids, limit painkillers to two days a week', followUp: 'Keep a headache diary and review in six weeks', diagnosis: { text: 'Tension-type headache', code: 'G44.2' } },
  { complaint: 'Blood pressure check', examination: 'Heart sounds normal, no oedema', assessment: 'Blood pressure above target', plan: 'Home readings twice daily for a week; less salt', followUp: 'Bring your home readings in two weeks', diagnosis: { text: 'Essential hypertension', code: 'I10' } },
  { complaint: 'Itchy rash on both forearms', examination: 'Dry, scaly patches on the flexures', assessment: 'Atopic eczema', plan: 'Emollient several times a day; mild steroid cream for one week', followUp: 'Return if the rash spreads or weeps', diagnosis: { text: 'Atopic dermatitis', code: 'L20.9' } },
  { complaint: 'Knee pain after running', examination: 'No effusion, stable ligaments, tender at the patellar margin', assessment: 'Patellofemoral pain', plan: 'Rest from running for two weeks; physiotherapy exercises', followUp: 'Review in a month if not improving', diagnosis: { text: 'Pain in joint (knee)', code: 'M25.5' } },
  { complaint: 'Annual diabetes review', examination: 'Feet: sensation intact, pulses present', assessment: 'Type 2 diabetes, stable', plan: 'Continue current treatment; HbA1c and kidney function tests', followUp: 'Results by phone in a week; next review in a year', diagnosis: { text: 'Type 2 diabetes mellitus', code: 'E11.9' } },
  { complaint: 'Heartburn after meals', examination: 'Abdomen soft, mild epigastric tenderness', assessment: 'Gastro-oesophageal reflux', plan: 'Smaller meals, nothing to eat three hours before bed', followUp: 'Come back if you have trouble swallowing or lose weight', diagnosis: { text: 'Gastro-oesophageal reflux disease', code: 'K21.9' } },
  { complaint: 'Sore throat for three days', examination: 'Red tonsils without exudate, no lymph nodes', assessment: 'Viral pharyngitis', plan: 'Fluids, paracetamol, salt-water gargles', followUp: 'Return if not better in a week or if swallowing becomes hard', diagnosis: { text: 'Acute pharyngitis', code: 'J02.9' } },
] as const;

function vitals(random: Random): Pick<ConsultationsTable, 'systolic' | 'diastolic' | 'pulse' | 'temperature_dc' | 'respiratory_rate' | 'spo2' | 'weight_dag' | 'height_mm'> {
  const systolic = random.int(108, 148);
  return {
    systolic, diastolic: random.int(64, Math.min(94, systolic - 20)), pulse: random.int(58, 96), temperature_dc: random.int(361, 378),
    respiratory_rate: random.int(12, 20), spo2: random.int(95, 100), weight_dag: random.int(5200, 9800), height_mm: random.int(1540, 1920),
  };
}

/** A signed consultation for every completed demo visit, so the record reads like a living one. */
export const consultationsSeed: SeedModule = {
  name: 'consultations',
  async run({ db, random }) {
    const visits = await listCompletedWithoutConsultation(db);
    const rows: ConsultationsTable[] = visits.map((visit) => {
      const story = random.pick(VISITS);
      const signedAt = visit.completed_at ?? visit.end_at;
      return {
        id: newId(), appointment_id: visit.id, doctor_id: visit.doctor_id, patient_id: visit.patient_id, status: 'signed',
        complaint: story.complaint, note_history: `${story.complaint}. No known drug allergies reported at this visit.`,
        note_examination: story.examination, note_assessment: story.assessment, note_plan: story.plan,
        ...vitals(random),
        diagnoses: JSON.stringify([{ text: story.diagnosis.text, code: story.diagnosis.code, primary: true, status: 'confirmed' }]),
        follow_up: story.followUp, created_by: visit.doctor_user_id, created_at: visit.start_at, updated_at: signedAt,
        signed_at: signedAt, signed_by: visit.doctor_user_id,
      };
    });
    await insertInBatches(db, 'consultations', rows, async (trx, row) => {
      await trx.insertInto('consultations').values(row).execute();
    });
    return { created: [`${rows.length} signed consultations`], signIns: [] };
  },
};
