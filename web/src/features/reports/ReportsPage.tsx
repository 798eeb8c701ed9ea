import { Alert, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  categories,
  categoryLabels,
  formatHours,
  isAdmin,
  priorities,
  priorityLabels,
  reportOf,
  statsRangeLabels,
  statsRangeSchema,
  statsRanges,
  statusLabels,
  ticketStatuses,
  type DurationFigures,
  type Report,
  type StatsRange,
  type UserProfile,
} from '@domain';
import { Suspense, useMemo, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { preloadable } from '../../app/loadLater';
import { PageHeading } from '../../app/PageHeading';
import { errorMessage } from '../../app/errorMessage';
import { useSession } from '../../session/useSession';
import { useStaff } from '../users/useStaff';
import { ChartSection, type TableRow } from './ChartSection';
import { useStats } from './useStats';
import { LoadingIndicator } from '../../app/LoadingIndicator';

// The charts load apart from the page (see charts.ts), fetched as soon as the page's code runs.
const charts = () => import('./charts');
const BarChart = preloadable(() => charts().then((loaded) => loaded.BarChart));
const LineChart = preloadable(() => charts().then((loaded) => loaded.LineChart));
void Promise.all([BarChart.preload(), LineChart.preload()]).catch(() => {});

/** A chart's place, kept at its height while the charts load. */
function ChartPlace({ h, children }: { h: number; children: ReactNode }) {
  return <Suspense fallback={<div style={{ height: h }} />}>{children}</Suspense>;
}

const queueLink = (filter: Record<string, string>) => `/queue?${new URLSearchParams(filter).toString()}`;
const CHART_HEIGHT = 220;
/**
 * The charts are pictures of their tables (aria-hidden): recharts' keyboard layer would put
 * focusable parts inside them, so it is off; keyboard and screen-reader users have the
 * table view, with the same figures and links.
 */
const noKeyboardLayer = { accessibilityLayer: false } as const;

/**
 * What a support lead opens every morning: the desk's figures for a range, per day, by
 * status, priority and category, response and resolution times, and the agents' rows. All
 * of it from the stats documents the functions keep; nothing here reads a ticket.
 */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const parsedRange = statsRangeSchema.safeParse(params.get('range'));
  const range: StatsRange = parsedRange.success ? parsedRange.data : '30d';
  const stats = useStats(range);
  const session = useSession().data;
  const staff = useStaff();
  const report = useMemo(() => (stats.data ? reportOf(stats.data, range, new Date()) : null), [stats.data, range]);

  return (
    <Stack gap="md">
      <PageHeading>Reports</PageHeading>
      <SegmentedControl
        aria-label="Range"
        value={range}
        onChange={(value) => setParams({ range: value }, { replace: true })}
        data={statsRanges.map((value) => ({ value, label: statsRangeLabels[value] }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
      />
      {stats.error && <Alert color="red" title="The reports could not be read">{errorMessage(stats.error)}</Alert>}
      {!report && !stats.error && <LoadingIndicator label="Loading the reports" />}
      {report && (
        <ReportBody
          report={report}
          staff={staff.data ?? []}
          viewerIsAdmin={session ? isAdmin(session.role) : false}
          viewerUid={session?.uid ?? ''}
        />
      )}
    </Stack>
  );
}

/** "75 %", or a dash with nothing counted. */
function formatFraction(fraction: number | null): string {
  return fraction === null ? '–' : `${Math.round(fraction * 100)} %`;
}
const formatShare = (figures: { share: number | null }) => formatFraction(figures.share);

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
    </Paper>
  );
}

function ReportBody({ report, staff, viewerIsAdmin, viewerUid }: { report: Report; staff: UserProfile[]; viewerIsAdmin: boolean; viewerUid: string }) {
  const navigate = useNavigate();
  const periodLabel = report.range === 'all' ? 'Month' : 'Day';
  const nameOf = (uid: string) => staff.find((person) => person.uid === uid)?.displayName ?? uid;
  const seriesLinks: Record<string, string> = { opened: '/queue', resolved: queueLink({ status: 'resolved' }), closed: queueLink({ status: 'closed' }) };

  const breakdown = <K extends string>(keys: readonly K[], counts: Record<K, number>, labels: Record<K, string>, param: string) =>
    keys.map((key) => ({ key, name: labels[key], tickets: counts[key], href: queueLink({ [param]: key }) }));
  const byStatus = breakdown(ticketStatuses, report.byStatus, statusLabels, 'status');
  const byPriority = breakdown(priorities, report.byPriority, priorityLabels, 'priority');
  const byCategory = breakdown(categories, report.byCategory, categoryLabels, 'category');
  const breakdownRows = (rows: readonly { name: string; tickets: number; href: string }[]): TableRow[] => rows.map((row) => ({ cells: [row.name, row.tickets], href: row.href }));
  const clickTo = (href: string | undefined) => () => href && navigate(href);

  const agentRows = report.agents
    .map((row) => ({ ...row, name: row.agentUid === viewerUid ? `${nameOf(row.agentUid)} (you)` : nameOf(row.agentUid) }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <Figure label="Total tickets" value={report.total} />
        <Figure label="Open now" value={report.openNow} />
        <Figure label="New tickets per day" value={report.averagePerDay} />
        <Figure label="Within SLA" value={formatShare(report.withinSla)} />
        <Figure label="Satisfaction" value={formatShare(report.satisfaction)} />
        <Figure label="Survey response rate" value={formatFraction(report.satisfaction.responseRate)} />
      </SimpleGrid>

      <ChartSection
        title="Tickets per day"
        description={`Opened, resolved and closed per ${periodLabel.toLowerCase()} (UTC).`}
        columns={[{ label: periodLabel }, { label: 'Opened', numeric: true }, { label: 'Resolved', numeric: true }, { label: 'Closed', numeric: true }]}
        rows={report.series.map((point) => ({ cells: [point.period, point.opened, point.resolved, point.closed] }))}
        fileName={`tickets-per-day-${report.range}`}
      >
        <ChartPlace h={CHART_HEIGHT}>
          <BarChart
            h={CHART_HEIGHT}
            data={report.series as unknown as Record<string, unknown>[]}
            dataKey="period"
            series={[
              { name: 'opened', label: 'Opened', color: 'blue.6' },
              { name: 'resolved', label: 'Resolved', color: 'teal.6' },
              { name: 'closed', label: 'Closed', color: 'gray.6' },
            ]}
            withLegend
            barChartProps={noKeyboardLayer}
            barProps={(series) => ({ onClick: clickTo(seriesLinks[series.name]), style: { cursor: 'pointer' } })}
            aria-hidden
          />
        </ChartPlace>
      </ChartSection>

      <ChartSection
        title="Backlog"
        description={`Tickets open or in progress at the end of each ${periodLabel.toLowerCase()}.`}
        columns={[{ label: periodLabel }, { label: 'Backlog', numeric: true }]}
        rows={report.series.map((point) => ({ cells: [point.period, point.backlog] }))}
        fileName={`backlog-${report.range}`}
      >
        <ChartPlace h={CHART_HEIGHT}>
          <LineChart
            h={CHART_HEIGHT}
            data={report.series as unknown as Record<string, unknown>[]}
            dataKey="period"
            series={[{ name: 'backlog', label: 'Backlog', color: 'orange.6' }]}
            curveType="linear"
            lineChartProps={noKeyboardLayer}
            aria-hidden
          />
        </ChartPlace>
      </ChartSection>

      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {(
          [
            ['By status', byStatus, 'status'],
            ['By priority', byPriority, 'priority'],
            ['By category', byCategory, 'category'],
          ] as const
        ).map(([title, rows, what]) => (
          <ChartSection
            key={title}
            title={`Tickets ${title.toLowerCase()}`}
            description={`Of the tickets opened in the range, by ${what} now.`}
            columns={[{ label: what[0]!.toUpperCase() + what.slice(1) }, { label: 'Tickets', numeric: true }]}
            rows={breakdownRows(rows)}
            fileName={`tickets-by-${what}-${report.range}`}
          >
            <ChartPlace h={CHART_HEIGHT}>
              <BarChart
                h={CHART_HEIGHT}
                data={rows}
                dataKey="name"
                series={[{ name: 'tickets', label: 'Tickets', color: 'blue.6' }]}
                barChartProps={noKeyboardLayer}
                barProps={{ onClick: (bar: { payload?: { href?: string } }) => clickTo(bar.payload?.href)(), style: { cursor: 'pointer' } }}
                aria-hidden
              />
            </ChartPlace>
          </ChartSection>
        ))}
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DurationSection title="First response time" figures={report.firstResponse} fileName={`first-response-${report.range}`} />
        <DurationSection title="Resolution time" figures={report.resolution} fileName={`resolution-${report.range}`} />
      </SimpleGrid>

      <TriageSection triage={report.triage} fileName={`triage-${report.range}`} />

      <ChartSection
        title="Within service levels by priority"
        description={`Resolutions in the range that kept both the first-reply and the resolution target: ${formatShare(report.withinSla)} of ${report.withinSla.met + report.withinSla.missed}.`}
        columns={[{ label: 'Priority' }, { label: 'Within SLA', numeric: true }, { label: 'Met', numeric: true }, { label: 'Missed', numeric: true }]}
        rows={priorities.map((priority) => {
          const figures = report.withinSlaByPriority[priority];
          return { cells: [priorityLabels[priority], formatShare(figures), figures.met, figures.missed], href: queueLink({ priority }) };
        })}
        fileName={`within-sla-${report.range}`}
        tableFirst
      />

      <ChartSection
        title={viewerIsAdmin ? 'Agents' : 'Your figures'}
        description={`${viewerIsAdmin ? 'Every agent, by the tickets assigned to them now.' : 'Your row: the tickets assigned to you now.'} Satisfaction is the share of 4 and 5 among the customers' ratings; response rate, the share of resolutions rated.`}
        columns={[
          { label: 'Agent' },
          { label: 'Assigned', numeric: true },
          { label: 'Resolved', numeric: true },
          { label: 'Reopened', numeric: true },
          { label: 'Within SLA', numeric: true },
          { label: 'Satisfaction', numeric: true },
          { label: 'Response rate', numeric: true },
          { label: 'Median first response', numeric: true },
          { label: 'Median resolution', numeric: true },
        ]}
        rows={agentRows.map((row) => ({
          cells: [row.name, row.assigned, row.resolved, row.reopened, formatShare(row.withinSla), formatShare(row.satisfaction), formatFraction(row.satisfaction.responseRate), formatHours(row.medianFirstResponse), formatHours(row.medianResolution)],
          href: queueLink({ assignee: row.agentUid }),
        }))}
        fileName={`agents-${report.range}`}
        tableFirst
      />
    </Stack>
  );
}

const percentOf = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`);

/** How the triage suggestions fared: how often the customer, then staff, chose otherwise. */
function TriageSection({ triage, fileName }: { triage: Report['triage']; fileName: string }) {
  const rows = [
    { name: 'Changed by the customer', tickets: triage.changedByCustomer },
    { name: 'Changed by staff', tickets: triage.changedByStaff },
  ];
  return (
    <ChartSection
      title="Triage suggestions"
      description={`Of the ${triage.suggested} tickets opened in the range with a suggested category and priority: how many customers submitted another category or priority, and how many staff have given another priority since.`}
      columns={[{ label: 'Suggestion' }, { label: 'Tickets', numeric: true }, { label: 'Share of suggested', numeric: true }]}
      rows={[
        { cells: ['Suggested', triage.suggested, percentOf(triage.suggested, triage.suggested)] },
        ...rows.map((row) => ({ cells: [row.name, row.tickets, percentOf(row.tickets, triage.suggested)] })),
      ]}
      fileName={fileName}
    >
      <Group gap="lg">
        {rows.map((row) => (
          <Text size="sm" key={row.name}>
            {row.name} <b>{percentOf(row.tickets, triage.suggested)}</b>
          </Text>
        ))}
      </Group>
      <ChartPlace h={CHART_HEIGHT / 2}>
        <BarChart
          h={CHART_HEIGHT / 2}
          data={rows}
          dataKey="name"
          orientation="vertical"
          yAxisProps={{ width: 170 }}
          series={[{ name: 'tickets', label: 'Tickets', color: 'grape.6' }]}
          barChartProps={noKeyboardLayer}
          aria-hidden
        />
      </ChartPlace>
    </ChartSection>
  );
}

function DurationSection({ title, figures, fileName }: { title: string; figures: DurationFigures; fileName: string }) {
  return (
    <ChartSection
      title={title}
      description={`Median ${formatHours(figures.median)}, p90 ${formatHours(figures.p90)}, of ${figures.count} in the range (the queue cannot filter by duration).`}
      columns={[{ label: 'Time' }, { label: 'Tickets', numeric: true }]}
      rows={figures.distribution.map((bucket) => ({ cells: [bucket.label, bucket.count] }))}
      fileName={fileName}
    >
      <Group gap="lg">
        <Text size="sm">
          Median <b>{formatHours(figures.median)}</b>
        </Text>
        <Text size="sm">
          p90 <b>{formatHours(figures.p90)}</b>
        </Text>
      </Group>
      <ChartPlace h={CHART_HEIGHT}>
        <BarChart
          h={CHART_HEIGHT}
          data={figures.distribution}
          dataKey="label"
          series={[{ name: 'count', label: 'Tickets', color: 'violet.6' }]}
          barChartProps={noKeyboardLayer}
          aria-hidden
        />
      </ChartPlace>
    </ChartSection>
  );
}
