/** The state of a round and of a draft for the public. */
export { roundState, draftPublicState, type RoundState, type RoundTimes, type DraftPublicState } from './round-state.ts'
/** The drafts listed on the home page. */
export { listDrafts, type DraftListItem } from './draft-listing.ts'
