import { z } from 'zod';

const Uuid = z.uuid();

/** Whether a text is a uuid: how the board names a request, a match, a story, a person, a flag. */
export const isUuid = (text: string): boolean => Uuid.safeParse(text).success;
