import { Type } from 'typebox';
import { Id, Instant, Page, PageQuery } from '../../http/schemas.ts';

export const AuditOutcomeSchema = Type.Enum(['success', 'failure', 'denied']);

export const AuditEntry = Type.Object({
  id: Id,
  seq: Type.Integer(),
  at: Instant,
  actorId: Type.Union([Id, Type.Null()]),
  actorName: Type.Optional(Type.String({ description: "The actor's current name, when the actor is a user" })),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  outcome: AuditOutcomeSchema,
  ip: Type.Optional(Type.String()),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export const AuditQuery = Type.Object(
  {
    ...PageQuery,
    actorId: Type.Optional(Id),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    entityType: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Type.String({ maxLength: 64 })),
    outcome: Type.Optional(AuditOutcomeSchema),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
  },
  { additionalProperties: false },
);

export const AuditPage = Page(AuditEntry);

export const ChainReport = Type.Object({
  intact: Type.Boolean(),
  checked: Type.Integer(),
  brokenAtSeq: Type.Union([Type.Integer(), Type.Null()]),
  problem: Type.Union([
    Type.Enum(['sequence', 'link', 'content', 'unkeyed', 'unknown_key', 'anchor', 'head']),
    Type.Null(),
  ], { description: 'What is wrong at brokenAtSeq: a missing row, a broken link, content that does not match its HMAC, a row without an HMAC after the anchor, a row signed with another key, a missing anchor, or a head that does not match the last row' }),
});
