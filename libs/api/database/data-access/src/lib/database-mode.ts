/** Which PostgreSQL the API runs on: its own embedded server or one given by DATABASE_URL. */
export const DATABASE_MODE = Symbol('DATABASE_MODE');
export type DatabaseMode = 'embedded' | 'external';
