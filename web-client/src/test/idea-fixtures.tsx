import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import {
  AuthorKind,
  CommentState,
  IdeaStatus,
  IdeaVisibilityState,
  ParticipationAction,
  RefusalReason,
  type ActionPolicyDecision,
  type CommentView,
  type GetIdeaResponse,
  type GetPlatformMapSettings,
  type ListIdeasIdea,
} from '@contracts/participation-client';
import { oneOf } from '@/lib/closed-sets';
import { createQueryClient } from '@/lib/providers';
import { TestProviders } from './providers';

export const MAP: GetPlatformMapSettings = {
  tileUrl: 'https://tile.example.test/{z}/{x}/{y}.png',
  attribution: '© Contributeurs OpenStreetMap',
  latitude: 50.85,
  longitude: 4.35,
  zoom: 13,
  addressSearch: false,
};

const ACTIONS: ParticipationAction[] = [
  ParticipationAction.React,
  ParticipationAction.Comment,
  ParticipationAction.Follow,
  ParticipationAction.Flag,
  ParticipationAction.Edit,
  ParticipationAction.Withdraw,
  ParticipationAction.Moderate,
];

/** A refusal as the tests write it: the API's value (`'not_author'`), checked against the generated enum. */
type Reason = `${RefusalReason}`;

/** Every idea action with the same answer (allowed, or refused with `reason`), then `over` on top. */
export function actions(
  reason: Reason | null,
  over: Partial<Record<`${ParticipationAction}`, Reason | null>> = {},
): ActionPolicyDecision[] {
  return ACTIONS.map((action) => {
    const r = action in over ? over[action] : reason;
    return { action, allowed: r === null, reason: oneOf(Object.values(RefusalReason), r) };
  });
}

export function anIdea(over: Partial<GetIdeaResponse> = {}): GetIdeaResponse {
  return {
    id: 'i-1',
    projectId: 'p-1',
    phaseId: 'ph-1',
    title: 'Un banc place du Jeu de Balle',
    body: '<p>Pour s’asseoir à l’ombre.</p>',
    topics: ['mobilier'],
    status: IdeaStatus.Proposed,
    author: { kind: AuthorKind.Person, name: 'Jeanne Dupont', userId: 'u-1' },
    likes: 3,
    dislikes: 1,
    comments: 0,
    createdAt: '2026-03-03T10:00:00Z',
    following: false,
    isMine: false,
    visibility: { state: IdeaVisibilityState.Public, hiddenByFlags: false },
    history: [{ toStatus: IdeaStatus.Proposed, at: '2026-03-03T10:00:00Z' }],
    actions: actions(null, { edit: 'not_author', withdraw: 'not_author', moderate: 'not_permitted' }),
    ...over,
  };
}

export function aListedIdea(over: Partial<ListIdeasIdea> = {}): ListIdeasIdea {
  return {
    id: 'i-1',
    title: 'Un banc place du Jeu de Balle',
    excerpt: 'Pour s’asseoir à l’ombre.',
    topics: [],
    status: IdeaStatus.Proposed,
    author: { kind: AuthorKind.Person, name: 'Jeanne Dupont' },
    likes: 0,
    dislikes: 0,
    comments: 0,
    createdAt: '2026-03-03T10:00:00Z',
    ...over,
  };
}

export function aComment(over: Partial<CommentView> = {}): CommentView {
  return {
    id: 'c-1',
    ideaId: 'i-1',
    author: { kind: AuthorKind.Person, name: 'Paul Martin', userId: 'u-2' },
    body: 'Bonne idée !',
    state: CommentState.Visible,
    createdAt: '2026-03-04T10:00:00Z',
    repliesCount: 0,
    isMine: false,
    replies: [],
    likes: 0,
    likedByMe: false,
    ...over,
  };
}

/** Renders inside the app's core providers (a fresh query cache) and a router. */
export function renderWithApp(ui: ReactNode, path = '/projects/p-1/ideas/i-1') {
  const queryClient = createQueryClient();
  render(
    <TestProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </TestProviders>,
  );
  return { user: userEvent.setup(), queryClient };
}
