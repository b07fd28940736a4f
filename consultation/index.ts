/** The state of a round and of a draft for the public. */
export { roundState, draftPublicState, type RoundState, type RoundTimes, type DraftPublicState } from './round-state.ts'
/** The drafts listed on the home page. */
export { listDrafts, type DraftListItem } from './draft-listing.ts'
/** The round of a draft that is open for comments now. */
export { openRoundForDraft, type OpenRound } from './rounds.ts'
/** Validated inputs of the consultation forms: a new comment. */
export { NewComment } from './inputs.ts'
/**
 * Comments on a round: submitting one (published at once, or pending under pre-moderation),
 * the form for one unit of the text, and the published comments with who they are shown as.
 */
export {
  submitComment, listRoundComments, prepareComment,
  type CommentProblem, type SubmittedComment, type CommentAuthor, type PublishedComment, type RoundComments,
  type CommentForm, type CommentFormProblem,
} from './comments.ts'
/**
 * The rules of moderation (pure): comment statuses and hide reasons, the status of a new
 * comment under pre- or post-moderation, hiding after readers' reports, the public text,
 * checking a redaction, the order of the moderators' queue, and the moderation summary.
 */
export {
  COMMENT_STATUSES, HIDE_REASONS, MODERATOR_HIDE_REASONS, REPORT_REASONS, MODERATION_MODES, REDACTION_MARKER,
  initialStatus, afterReport, publicText, isVisibleToPublic, applyRedaction, redactPassages, queueGroup, needsReview,
  compareForQueue, summariseModeration,
  type CommentStatus, type HideReason, type ModeratorHideReason, type ReportReason, type ModerationMode, type ModerationSummary,
} from './moderation-rules.ts'
/**
 * Moderation of a round's comments: the moderators' queue, approving, hiding with a
 * reason, redacting a passage, unhiding, pre-/post-moderation, and readers' reports; each
 * act audited, and the author's notice returned for the caller to e-mail.
 */
export {
  moderationQueue, moderationSummary, approveComment, hideComment, unhideComment, redactComment, setModerationSettings,
  reportComment, reportableComment, reporterFor,
  type ModerationQueue, type QueueComment, type ModerationOutcome, type AuthorNotice, type CommentRef, type Reporter,
  type ReportableComment, type ModerationProblem,
} from './moderation.ts'
/** The forms of moderation: the queue's address, its acts, and a reader's report. */
export { QueueQuery, ModerationAct, ModerationSettings, CommentHiding, CommentReportInput, QUEUE_VIEWS, type QueueView } from './moderation-inputs.ts'
/** What a comment can be about: an article, paragraph or point found by its stable id. */
export {
  findCommentTarget, targetText, articlesOf, sameWording, unitChoices,
  type CommentTarget, type CommentTargetKind, type OutlinePoint, type UnitChoice,
} from './comment-targets.ts'
/**
 * An institution's list of interested parties (organisations and individuals told when it
 * consults): asking to be listed (signed in, or by an e-mail confirmed through a link),
 * written requests entered by staff, removal (also by an invitation's own link), the public
 * list (no addresses), the staff list and its CSV export, and the invitations recorded
 * exactly once per party and round when a round opens.
 */
export {
  askToBeListed, requestListingByEmail, confirmListing, addByStaff, removeParty, leaveByLink, publicList, staffList, exportInterestedParties,
  interestedPartiesPage, inviteInterestedParties,
  type ListedOutcome, type ListingProblem, type EmailListingOutcome, type ListingConfirmationProblem, type LeaveProblem, type WrittenRequestProblem, type RemovalProblem, type PublicPartyList, type StaffParty,
  type StaffListProblem, type OwnEntry, type InterestedPartiesPage, type InvitationEmail, type InvitationProblem, type InstitutionRef,
} from './interested-parties.ts'
/** Who may keep an institution's list and plan: pure predicates. */
export { keepsPublicLists, canAskToBeListed, canManageInterestedParties, canRemoveParty, canManagePlan } from './institution-permissions.ts'
/** The kinds of interested party, and the public list without addresses (pure). */
export { PARTY_CATEGORIES, categoryOfOrganisationKind, publicListing, type PartyCategory, type PublicListing } from './interested-party-listing.ts'
/** The list as CSV for staff: UTF-8 with a byte order mark, semicolons, formulas defused. */
export { partiesCsv, CSV_COLUMNS, type CsvLabels, type CsvColumn } from './interested-parties-csv.ts'
/** An institution's published plan of upcoming drafts, by quarter ("2027-Q1"). */
export {
  publicPlan, planPage, addPlanItem, removePlanItem,
  type PlanEntry, type PlanDraft, type PublishedPlan, type PlanPage, type PlanItemProblem, type PlanRemovalProblem,
} from './plan-items.ts'
/** Quarters of the year: validation, the quarter of a date in Sarajevo, grouping (pure). */
export { parseQuarter, quarterOf, compareQuarters, isPastQuarter, groupByQuarter, nextQuarters, type Quarter, type QuarterGroup } from './plan-quarters.ts'
/** Validated inputs of the interested-parties and plan forms. */
export { ListingRequest, EmailListingRequest, ListingConfirmation, WrittenRequest, PartyRemoval, NewPlanItem, PlanItemRemoval } from './interested-party-inputs.ts'
/**
 * The rules of answering comments (pure): statuses accepted, partly-accepted, rejected and
 * noted (unanswered without one), reasons required for every status, drafts never public,
 * published answers public at once or with the report as the round says, progress counts,
 * and change links for accepted comments only.
 */
export {
  ANSWER_STATUSES, COMMENT_ANSWER_STATUSES, answerStatusOf, checkAnswer, reasoningRequired, nextPublication, answersPublicationOf,
  roundShowsAnswers, isAnswerPublic, notifyOnPublish, notifyWithReport, canLinkChange, tallyAnswers, roundProgress,
  type AnswerStatus, type CommentAnswerStatus, type AnswerProblem, type AnswerMode, type AnswersPublication, type AnswerTally, type RoundProgress,
} from './response-rules.ts'
/**
 * Answering comments for the institution (canRespond): one comment, a whole campaign group
 * (one Response per member), publishing reviewed drafts, assigning comments to staff,
 * linking an accepted comment to the change it led to, and the e-mails to send.
 */
export {
  saveAnswer, publishAnswers, answerGroup, assignComments, linkChange, noticesOnReport,
  type AnswerNotice, type SavedAnswer, type GroupAnswer, type SaveAnswerProblem, type GroupAnswerProblem, type AssignProblem, type LinkChangeProblem,
} from './responses.ts'
/** What the people answering read: the filtered list, one comment with its texts, one group. */
export { listAnswerQueue, answerWorkspace, groupWorkspace, type AnswerQueue, type AnswerWorkspace, type GroupWorkspace, type QueueEntry } from './answer-workspace.ts'
/** Campaign groups kept up to date on the comments (groupKey), recomputed from their texts. */
export { groupRoundComments, refreshGroups, type GroupRefresh } from './answer-groups.ts'
/** A round's answering progress per article and per assignee. */
export { roundDashboard, type RoundDashboard } from './answer-dashboard.ts'
/** The institution's reusable answers. */
export { templatesOf, listTemplates, saveTemplate, deleteTemplate, type TemplateView, type TemplateProblem } from './response-templates.ts'
/** The answers the public reads, and "this comment led to this change". */
export { publicAnswers, changeAnchor, type PublicAnswer, type ChangeLink } from './public-answers.ts'
/** Validated inputs of the answering forms and filters. */
export { AnswerInput, TemplateInput, CommentSelection, Assignment, ChangeLinkInput, AnswerFilters, AUTHOR_CATEGORIES } from './answer-inputs.ts'
