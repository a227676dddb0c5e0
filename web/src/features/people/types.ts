import type { paths } from '../../api/schema.gen.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R } ? (R extends Record<200, infer A> ? JsonOf<A> : R extends Record<201, infer C> ? JsonOf<C> : never) : never;
type BodyOf<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

export type PatientSummary = Ok<paths['/api/patients']['get']>['items'][number];
export type PatientProfile = Ok<paths['/api/patients/{id}']['get']>;
export type PatientCreated = Ok<paths['/api/patients']['post']>;
export type PatientCreateBody = BodyOf<paths['/api/patients']['post']>;
export type PatientPatchBody = BodyOf<paths['/api/patients/{id}']['patch']>;
export type BloodGroup = NonNullable<PatientProfile['bloodGroup']>;
export type Gender = PatientProfile['gender'];

export type HistoryEntry = Ok<paths['/api/patients/{id}/history']['get']>['items'][number];
export type HistoryKind = HistoryEntry['kind'];
export type HistoryCreateBody = BodyOf<paths['/api/patients/{id}/history']['post']>;
export type HistoryPatchBody = BodyOf<paths['/api/patients/{id}/history/{entryId}']['patch']>;
export type HistoryVersion = Ok<paths['/api/patients/{id}/history/{entryId}/versions']['get']>['items'][number];

export type PublicDoctor = Ok<paths['/api/doctors/{id}']['get']>;
export type DoctorProfile = Ok<paths['/api/doctors/{id}/admin']['get']>;
export type DoctorCreateBody = BodyOf<paths['/api/doctors']['post']>;
export type DoctorPatchBody = BodyOf<paths['/api/doctors/{id}']['patch']>;
export type ConsultationFee = NonNullable<PublicDoctor['consultationFee']>;

export type Specialization = Ok<paths['/api/specializations']['get']>[number];
export type SpecializationCreateBody = BodyOf<paths['/api/specializations']['post']>;
export type SpecializationPatchBody = BodyOf<paths['/api/specializations/{id}']['patch']>;

export type User = Ok<paths['/api/users/{id}']['get']>;
export type UserCreated = Ok<paths['/api/users']['post']>;
export type UserCreateBody = BodyOf<paths['/api/users']['post']>;
export type UserPatchBody = BodyOf<paths['/api/users/{id}']['patch']>;
