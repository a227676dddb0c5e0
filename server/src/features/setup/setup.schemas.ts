import { Type, type Static } from 'typebox';
import { Email, PersonName } from '../auth/auth.schemas.ts';
import { PASSWORD_MAX_LENGTH } from '#shared/limits';

export const SetupState = Type.Object({
  administratorNeeded: Type.Boolean({ description: 'True until the first administrator exists: the web then shows its first-run screen' }),
});

export const FirstAdminBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: 'The one-time setup token printed in the server log at start-up' }),
    name: PersonName,
    email: Email,
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 }),
  },
  { additionalProperties: false },
);
export type FirstAdminInput = Static<typeof FirstAdminBody>;

export const FirstAdmin = Type.Object({ id: Type.String(), email: Type.String() });
