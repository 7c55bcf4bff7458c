import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CalendarEventPeriod,
  type CalendarEvent,
  type CalendarEventFields,
  type CreateCalendarEventRequest,
} from '@contracts/participation-client';
import { api } from '@/api/client';

export interface CalendarEventFilter {
  projectId?: string;
  platformOnly?: boolean;
  period?: CalendarEventPeriod;
  /** The events of the projects tagged with this topic or area. */
  topicId?: string;
  areaId?: string;
  limit?: number;
}

/** Events: lists by filter, one event, its registrants. */
export const calendarEventKeys = {
  all: ['calendar-events'] as const,
  lists: () => [...calendarEventKeys.all, 'list'] as const,
  list: (filter: CalendarEventFilter) => [...calendarEventKeys.lists(), filter] as const,
  event: (id: string) => [...calendarEventKeys.all, 'event', id] as const,
  registrants: (id: string) => [...calendarEventKeys.all, 'registrants', id] as const,
};

/** Keyset pages of events (upcoming soonest first unless `period` says past). */
export const calendarEventsQueryOptions = (filter: CalendarEventFilter) =>
  infiniteQueryOptions({
    queryKey: calendarEventKeys.list(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.listCalendarEvents(
        filter.projectId,
        filter.platformOnly,
        filter.period,
        undefined,
        undefined,
        pageParam,
        filter.limit,
        filter.topicId || undefined,
        filter.areaId || undefined,
        signal,
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const calendarEventQueryOptions = (id: string) =>
  queryOptions({
    queryKey: calendarEventKeys.event(id),
    queryFn: ({ signal }) => api.getCalendarEvent(id, signal),
  });

/** An event by its slug. */
export const calendarEventBySlugQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: [...calendarEventKeys.all, 'by-slug', slug] as const,
    queryFn: ({ signal }) => api.getCalendarEventBySlug(slug, signal),
  });

export const registrantsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: calendarEventKeys.registrants(id),
    queryFn: ({ signal }) => api.listCalendarEventRegistrants(id, undefined, 100, signal),
  });

/** The iCalendar download of one event and the feeds (same origin as the API calls). */
// A calendar app sends no language: the feed's address carries the reader's, for its texts and its links to the app's pages.
export const eventIcsUrl = (id: string, language: string) => `/api/v1/events/${id}.ics?language=${language}`;
export const platformCalendarUrl = (language: string) => `/api/v1/events/calendar.ics?language=${language}`;
export const projectCalendarUrl = (projectId: string, language: string) => `/api/v1/projects/${projectId}/events.ics?language=${language}`;

function useRefresh() {
  const queryClient = useQueryClient();
  return (event?: CalendarEvent) => {
    if (event) queryClient.setQueryData(calendarEventKeys.event(event.id), event);
    return queryClient.invalidateQueries({ queryKey: calendarEventKeys.all });
  };
}

export function useCreateCalendarEvent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (request: CreateCalendarEventRequest) => api.createCalendarEvent(request),
    onSuccess: (event) => refresh(event),
  });
}

export function useUpdateCalendarEvent(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (fields: CalendarEventFields) => api.updateCalendarEvent(id, fields),
    onSuccess: (event) => refresh(event),
  });
}

export function useCancelCalendarEvent(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (reason: string) => api.cancelCalendarEvent(id, { reason: reason.trim() || undefined }),
    onSuccess: (event) => refresh(event),
  });
}

export function useRegistration(id: string) {
  const refresh = useRefresh();
  const register = useMutation({
    mutationFn: () => api.registerForCalendarEvent(id),
    onSuccess: () => refresh(),
  });
  const unregister = useMutation({
    mutationFn: () => api.cancelCalendarEventRegistration(id),
    onSuccess: () => refresh(),
  });
  return { register, unregister };
}
