/** Language names a shop may put in a "language" column, folded to lower case without accents. */
const NAMES: Readonly<Record<string, string>> = {
  english: 'en',
  anglais: 'en',
  englisch: 'en',
  angielski: 'en',
  английский: 'en',
  inglês: 'en',
  ingles: 'en',
  אנגלית: 'en',
  russian: 'ru',
  russisch: 'ru',
  rosyjski: 'ru',
  русский: 'ru',
  russo: 'ru',
  רוסית: 'ru',
  polish: 'pl',
  polnisch: 'pl',
  polski: 'pl',
  польский: 'pl',
  polonês: 'pl',
  polones: 'pl',
  פולנית: 'pl',
  hebrew: 'he',
  hebräisch: 'he',
  hebrajski: 'he',
  иврит: 'he',
  hebraico: 'he',
  עברית: 'he',
  portuguese: 'pt',
  portugiesisch: 'pt',
  portugalski: 'pt',
  португальский: 'pt',
  português: 'pt',
  portugues: 'pt',
  פורטוגזית: 'pt',
  german: 'de',
  deutsch: 'de',
  niemiecki: 'de',
  немецкий: 'de',
  alemão: 'de',
  alemao: 'de',
  גרמנית: 'de',
  ukrainian: 'uk',
  українська: 'uk',
  украинский: 'uk',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
};

/**
 * A language a shop stated (`de`, `de-AT`, `pt_BR`, `German`, `Deutsch`, `русский`) as an
 * ISO 639-1 code, or null when it does not name one.
 */
export function normalizeLanguageTag(value: string | null | undefined): string | null {
  const v = (value ?? '').trim().toLowerCase();
  if (!v) return null;
  const code = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})*$/.exec(v);
  if (code) return code[1] === 'iw' ? 'he' : code[1];
  return NAMES[v] ?? null;
}
