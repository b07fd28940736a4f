/** The state of a round and of a draft for the public. */
export { roundState, draftPublicState, type RoundState, type RoundTimes, type DraftPublicState } from './round-state.ts'
/** The drafts listed on the home page. */
export { listDrafts, type DraftListItem } from './draft-listing.ts'
/** The round of a draft that is open for comments now. */
export { openRoundForDraft, type OpenRound } from './rounds.ts'
/** Validated inputs of the consultation forms: a new comment. */
export { NewComment } from './inputs.ts'
/**
 * Comments on a round: submitting one (published at once, post-moderation), the form for
 * one unit of the text, and the published comments with who they are shown as.
 */
export {
  submitComment, listRoundComments, prepareComment,
  type CommentProblem, type SubmittedComment, type CommentAuthor, type PublishedComment, type RoundComments,
  type CommentForm, type CommentFormProblem,
} from './comments.ts'
/** What a comment can be about: an article, paragraph or point found by its stable id. */
export {
  findCommentTarget, targetText, articlesOf, sameWording,
  type CommentTarget, type CommentTargetKind, type OutlinePoint,
} from './comment-targets.ts'
