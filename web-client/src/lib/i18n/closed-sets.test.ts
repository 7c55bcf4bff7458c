import { describe, expect, it } from 'vitest';
import {
  Audience,
  ClientScope,
  CommentSort,
  ExportError,
  ExportFormat,
  ExportKind,
  ExportStatus,
  FlagReason,
  IdeaSort,
  IdeaStatus,
  IdeaVisibilityState,
  InvitationStatus,
  NotificationChannel,
  OrganisationStatus,
  PhaseMethod,
  ProjectSort,
  ProjectStatus,
  QuestionType,
  ReactionKind,
  Role,
  ScopeType,
  StatusChangeRefusal,
} from '@contracts/participation-client';
import { fr } from './locales/fr';

/** The text at a dotted key of the French messages (nl and en must have the same keys: their type says so). */
function text(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), fr);
}

// The screens label the API's closed sets by value (`t(`ideas.status.${status}`)`): a value the contract adds must
// come with its words, or the screens would show the raw value.
const LABELLED: [string, readonly string[]][] = [
  ['ideas.status', Object.values(IdeaStatus)],
  ['ideasManager.states', Object.values(IdeaVisibilityState)],
  ['ideasManager.refusals', Object.values(StatusChangeRefusal)],
  ['notifications.ideaStatus', Object.values(IdeaStatus)],
  ['ideas.sorts', Object.values(IdeaSort)],
  ['comments.sort', Object.values(CommentSort)],
  ['ideas.reactions', Object.values(ReactionKind)],
  ['ideas.flag.reasons', Object.values(FlagReason)],
  ['moderation.flagReason', Object.values(FlagReason)],
  ['projects.status', Object.values(ProjectStatus)],
  ['projects.statusControl.explain', Object.values(ProjectStatus)],
  ['projects.methods', Object.values(PhaseMethod)],
  ['projects.actions.purpose', Object.values(PhaseMethod)],
  ['projects.filters.sorts', Object.values(ProjectSort)],
  ['projects.audiences', Object.values(Audience)],
  ['roles', Object.values(Role)],
  ['roleScope.describe', Object.values(Role)],
  ['scopes', Object.values(ScopeType)],
  ['invitations.status', Object.values(InvitationStatus)],
  ['notifications.settings.channel', Object.values(NotificationChannel)],
  ['organisations.status', Object.values(OrganisationStatus)],
  ['exports.kinds', Object.values(ExportKind)],
  ['exports.kindHints', Object.values(ExportKind)],
  ['exports.formats', Object.values(ExportFormat)],
  ['exports.status', Object.values(ExportStatus)],
  ['exports.errors', Object.values(ExportError)],
  ['exports.scopeTypes', Object.values(ScopeType)],
  ['surveys.types', Object.values(QuestionType)],
  // i18next reads ':' as a namespace separator: scopes are keyed with '_' (features/api-clients scopeKey).
  ['apiClients.scopes', Object.values(ClientScope).map((s) => `${s.replace(':', '_')}.label`)],
  ['apiClients.scopes', Object.values(ClientScope).map((s) => `${s.replace(':', '_')}.meaning`)],
];

describe('the words for the API’s closed sets', () => {
  it.each(LABELLED)('%s has a text for every value', (prefix, values) => {
    const missing = values.filter((value) => typeof text(`${prefix}.${value}`) !== 'string');
    expect(missing).toEqual([]);
  });
});
