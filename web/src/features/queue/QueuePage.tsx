import { Alert, Button, Flex, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import {
  QUEUE_PAGE_SIZE,
  QUEUE_SEARCH_MAX,
  categories,
  categoryLabels,
  priorities,
  priorityLabels,
  effectiveQueueSort,
  queueSlaFilterLabels,
  queueSlaFilters,
  queueSortLabels,
  queueSorts,
  statusLabels,
  ticketStatuses,
  type QueueCursor,
  type QueueFilter,
} from '@domain';
import { useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { useSearchParams, type SetURLSearchParams } from 'react-router';
import { errorMessage } from '../../app/errorMessage';
import { PageHeading } from '../../app/PageHeading';
import { useMinute } from '../../app/useNow';
import { useUnreadTicketIds } from '../unread/useUnread';
import { useStaff } from '../users/useStaff';
import classes from './QueueFilters.module.css';
import {
  activeFilterCount,
  filterFromParams,
  isFiltered,
  queueParamNames,
  withFilterParam,
  withoutFilters,
} from './queueFilterParams';
import { useViewersByTicket } from '../presence/usePresence';
import { QueueBulkBar } from './QueueBulkBar';
import { QueueList } from './QueueList';
import { QueueRowSelect } from './QueueRowSelect';
import { useQueueSelection } from './useQueueSelection';
import { useQueueKeyboard } from './useQueueKeyboard';
import { useQueuePage } from './useQueuePage';
import { LoadingIndicator } from '../../app/LoadingIndicator';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The queue for staff: filters in the URL (bookmarkable), one live page at a time with
 * cursor paging, each ticket with its assignee and unread dot.
 */
export function QueuePage() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);

  // Paging: the cursors of the pages before this one. Any change of filter starts at page 1.
  const filterKey = JSON.stringify(filter);
  const [paging, setPaging] = useState<{ key: string; cursors: readonly QueueCursor[] }>({ key: filterKey, cursors: [] });
  if (paging.key !== filterKey) setPaging({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const page = cursors.length + 1;

  const cursor = cursors.at(-1) ?? null;
  // A service-level filter is a window on the clock: the page follows it once a minute.
  const minute = useMinute();
  const slaMinute = filter.sla === 'any' ? null : minute;
  const query = useMemo(
    () => ({ filter, cursor, pageSize: QUEUE_PAGE_SIZE, ...(slaMinute === null ? {} : { slaNow: new Date(slaMinute) }) }),
    [filter, cursor, slaMinute],
  );
  const tickets = useQueuePage(query);
  const staff = useStaff();
  const unread = useUnreadTicketIds(tickets.data?.items);
  const selection = useQueueSelection(tickets.data?.items ?? []);
  const viewers = useViewersByTicket(true);
  const rows = useQueueKeyboard<HTMLDivElement>(selection.toggle);

  const setField = (key: keyof QueueFilter, value: string) => setParams((prev) => withFilterParam(prev, key, value));

  const staffNames = useMemo(
    () => new Map((staff.data ?? []).map((person) => [person.uid, person.displayName])),
    [staff.data],
  );
  const staffName = (uid: string) => staffNames.get(uid);

  const nextCursor = tickets.data?.nextCursor ?? null;
  const filtered = isFiltered(filter);

  return (
    <Stack>
      {/* The bulk bar sits beside the heading: no line of its own before a ticket is selected. */}
      <Group justify="space-between" align="center" gap="sm">
        <PageHeading>Queue</PageHeading>
        {tickets.data && tickets.data.items.length > 0 && <QueueBulkBar selection={selection} staff={staff.data ?? []} />}
      </Group>
      <QueueFilters
        filter={filter}
        params={params}
        setField={setField}
        setParams={setParams}
        staff={(staff.data ?? []).map((person) => ({ value: person.uid, label: person.displayName }))}
      />
      {tickets.isPending && <LoadingIndicator label="Loading the queue" />}
      {tickets.isError && (
        <Alert color="red" role="alert">
          {errorMessage(tickets.error)}
        </Alert>
      )}
      {tickets.data && (
        <div ref={rows}>
          <QueueList
            tickets={tickets.data.items}
            unread={unread}
            staffName={staffName}
            selectFor={(ticket) => <QueueRowSelect ticket={ticket} selection={selection} />}
            viewers={viewers}
            empty={
              page > 1
                ? 'No more tickets on this page.'
                : filtered
                  ? 'No tickets match these filters.'
                  : 'The queue is empty. New tickets appear here as customers open them.'
            }
          />
        </div>
      )}
      {tickets.data && tickets.data.items.length === 0 && filtered && page === 1 && (
        <Group>
          <Button variant="light" onClick={() => setParams((prev) => withoutFilters(prev))}>
            Clear filters
          </Button>
        </Group>
      )}
      {tickets.data && (page > 1 || tickets.data.items.length > 0) && (
        <Group component="nav" aria-label="Queue pages" justify="space-between" wrap="nowrap">
          <Button
            variant="default"
            disabled={page === 1}
            onClick={() => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) })}
          >
            Previous page
          </Button>
          <Text size="sm" aria-live="polite">
            Page {page}
          </Text>
          <Button
            variant="default"
            disabled={nextCursor === null}
            onClick={() => nextCursor && setPaging({ key: filterKey, cursors: [...cursors, nextCursor] })}
          >
            Next page
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface QueueFiltersProps {
  readonly filter: QueueFilter;
  readonly params: URLSearchParams;
  readonly setField: (key: keyof QueueFilter, value: string) => void;
  readonly setParams: SetURLSearchParams;
  readonly staff: readonly { value: string; label: string }[];
}

/**
 * Search, then the list filters. At phone width the lists fold behind a "Filters (n)" button
 * so the first screen shows tickets, not controls; wider, they are always in view.
 */
function QueueFilters({ filter, params, setField, setParams, staff }: QueueFiltersProps) {
  const [unfolded, { toggle }] = useDisclosure(false);
  const listsId = useId();
  const active = activeFilterCount(filter);
  const assigneeOptions = [
    { value: 'anyone', label: 'Anyone' },
    { value: 'unassigned', label: 'Unassigned' },
    { value: 'mine', label: 'Assigned to me' },
    ...staff,
  ];
  // A bookmarked assignee the staff list does not (yet) hold still shows as chosen.
  if (!assigneeOptions.some((option) => option.value === filter.assignee)) {
    assigneeOptions.push({ value: filter.assignee, label: staff.length ? 'Someone no longer on staff' : 'Loading…' });
  }
  const onSelect = (key: keyof QueueFilter) => (event: ChangeEvent<HTMLSelectElement>) =>
    setField(key, event.currentTarget.value);

  return (
    <Paper withBorder p="sm" radius="md" role="search" aria-label="Filter the queue">
      {/* On a wide screen, search and lists share one line: the queue's rows start higher. */}
      <Flex direction={{ base: 'column', lg: 'row' }} gap="sm" align={{ base: 'stretch', lg: 'flex-end' }}>
        <Group gap="sm" align="flex-end" wrap="nowrap" style={{ flex: '1 1 14rem' }}>
          <SearchBox urlValue={params.get(queueParamNames.search) ?? ''} setParams={setParams} />
          <Button
            hiddenFrom="sm"
            variant={active > 0 ? 'light' : 'default'}
            aria-expanded={unfolded}
            aria-controls={listsId}
            onClick={toggle}
            style={{ flexShrink: 0 }}
          >
            {active > 0 ? `Filters (${active})` : 'Filters'}
          </Button>
        </Group>
        <SimpleGrid
          id={listsId}
          className={unfolded ? undefined : classes.foldedOnPhone}
          cols={{ base: 2, sm: 3, lg: 6 }}
          spacing="sm"
          verticalSpacing="xs"
          style={{ flex: '3 1 0' }}
        >
          <NativeSelect
            label="Status"
            value={filter.status ?? ''}
            onChange={onSelect('status')}
            data={[{ value: '', label: 'All' }, ...ticketStatuses.map((value) => ({ value, label: statusLabels[value] }))]}
          />
          <NativeSelect
            label="Priority"
            value={filter.priority ?? ''}
            onChange={onSelect('priority')}
            data={[{ value: '', label: 'All' }, ...priorities.map((value) => ({ value, label: priorityLabels[value] }))]}
          />
          <NativeSelect
            label="Category"
            value={filter.category ?? ''}
            onChange={onSelect('category')}
            data={[{ value: '', label: 'All' }, ...categories.map((value) => ({ value, label: categoryLabels[value] }))]}
          />
          <NativeSelect label="Assignee" value={filter.assignee} onChange={onSelect('assignee')} data={assigneeOptions} />
          <NativeSelect
            label="Service levels"
            value={filter.sla}
            onChange={onSelect('sla')}
            data={queueSlaFilters.map((value) => ({ value, label: queueSlaFilterLabels[value] }))}
          />
          <NativeSelect
            label="Sort"
            value={effectiveQueueSort(filter)}
            onChange={onSelect('sort')}
            disabled={filter.sla !== 'any'}
            description={filter.sla !== 'any' ? 'By deadline, with this filter' : undefined}
            data={queueSorts.map((value) => ({ value, label: queueSortLabels[value] }))}
          />
        </SimpleGrid>
      </Flex>
    </Paper>
  );
}

/**
 * The search box keeps what is typed; the URL (and so the query) follows 300 ms after the
 * typing stops. When the URL changes by itself (back button, "Clear filters"), the box follows.
 */
function SearchBox({ urlValue, setParams }: { urlValue: string; setParams: SetURLSearchParams }) {
  const [text, setText] = useState(urlValue);
  const [agreedUrlValue, setAgreedUrlValue] = useState(urlValue);
  if (urlValue !== agreedUrlValue) {
    setAgreedUrlValue(urlValue);
    setText(urlValue);
  }
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    // Only a settled value that the URL does not hold yet; a stale one (the box was reset
    // meanwhile) is not written back.
    if (debounced !== text || debounced === urlValue) return;
    setParams((prev) => withFilterParam(prev, 'search', debounced), { replace: true });
  }, [debounced, text, urlValue, setParams]);
  return (
    <TextInput
      style={{ flex: 1, minWidth: 0 }}
      label="Search titles, descriptions and messages"
      type="search"
      value={text}
      maxLength={QUEUE_SEARCH_MAX}
      onChange={(event) => setText(event.currentTarget.value)}
    />
  );
}
