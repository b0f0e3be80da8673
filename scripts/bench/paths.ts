import { resolve } from 'node:path';

/** The repository root, whatever the working directory of `npm run bench`. */
export const projectDirectory = resolve(import.meta.dirname, '..', '..');
export const benchDirectory = resolve(projectDirectory, '.bench');
