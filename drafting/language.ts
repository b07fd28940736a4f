/** The language variant a draft is written in: Bosnian, Croatian or Serbian. */
export type DraftLanguage = 'bs' | 'hr' | 'sr'
/** The script a draft is written in. Only Serbian is written in both. */
export type DraftScript = 'latn' | 'cyrl'

export const DRAFT_LANGUAGES: readonly DraftLanguage[] = ['bs', 'hr', 'sr']
export const DRAFT_SCRIPTS: readonly DraftScript[] = ['latn', 'cyrl']

/** A draft's language variant and script: together they choose legal labels. */
export interface LanguageVariant {
  language: DraftLanguage
  script: DraftScript
}
