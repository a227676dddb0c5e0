import { uuidv7 } from 'uuidv7';

/** Ids are UUIDv7 text made by the app: they sort by creation time. */
export const newId = (): string => uuidv7();
