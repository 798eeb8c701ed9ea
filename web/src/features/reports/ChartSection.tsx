import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Suspense, useId, useState, type ReactNode } from 'react';
import { preloadable } from '../../app/loadLater';
import { downloadText, toCsv } from './csv';

// The tables (Mantine's Table in a ScrollArea, which brings floating-ui's ref helper and the
// chunk it shares with the selects: about 19 KiB gzip) load apart from the page, fetched as soon
// as its code runs; only the agents' table shows before "Show table" is pressed.
const ReportTable = preloadable(() => import('./ReportTable').then((table) => table.ReportTable));
void ReportTable.preload().catch(() => {});

export interface TableColumn {
  readonly label: string;
  /** Numbers align right. */
  readonly numeric?: boolean;
}

export interface TableRow {
  readonly cells: readonly (string | number)[];
  /** The queue filtered to this row's tickets, where the queue can filter so. */
  readonly href?: string;
}

/**
 * A chart with its table: the same figures as a table for screen readers and keyboard users
 * ("Show table"), each row linking to the queue where the queue can filter to its tickets,
 * and the table as CSV.
 */
export function ChartSection({
  title,
  description,
  columns,
  rows,
  fileName,
  children,
  tableFirst = false,
}: {
  title: string;
  description?: string;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  fileName: string;
  children?: ReactNode;
  /** A table with no chart beside it (the agents' rows). */
  tableFirst?: boolean;
}) {
  const [tableShown, setTableShown] = useState(tableFirst);
  const tableId = useId();
  const headingId = useId();
  const download = () =>
    downloadText(
      `${fileName}.csv`,
      toCsv(
        columns.map((column) => column.label),
        rows.map((row) => row.cells),
      ),
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          <Group gap="xs">
            {!tableFirst && (
              <Button
                variant="default"
                size="xs"
                aria-expanded={tableShown}
                aria-controls={tableId}
                onClick={() => setTableShown((shown) => !shown)}
              >
                {tableShown ? 'Hide table' : 'Show table'}
              </Button>
            )}
            <Button variant="default" size="xs" onClick={download} aria-label={`Download ${title} as CSV`}>
              CSV
            </Button>
          </Group>
        </Group>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {children}
        {tableShown && (
          <Suspense fallback={null}>
            <ReportTable id={tableId} headingId={headingId} columns={columns} rows={rows} />
          </Suspense>
        )}
      </Stack>
    </Paper>
  );
}
