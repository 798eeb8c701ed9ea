import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { downloadText, toCsv } from './csv';

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
  const linked = rows.some((row) => row.href);
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
          <Table.ScrollContainer minWidth={320} id={tableId}>
            <Table striped withTableBorder aria-labelledby={headingId}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column.label} ta={column.numeric ? 'right' : undefined}>
                      {column.label}
                    </Table.Th>
                  ))}
                  {linked && <Table.Th>Tickets</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={String(row.cells[0])}>
                    {row.cells.map((cell, i) =>
                      i === 0 ? (
                        <Table.Th key={i} scope="row" fw={500}>
                          {cell}
                        </Table.Th>
                      ) : (
                        <Table.Td key={i} ta={columns[i]?.numeric ? 'right' : undefined}>
                          {cell}
                        </Table.Td>
                      ),
                    )}
                    {linked && (
                      <Table.Td>
                        {row.href && (
                          <Anchor component={Link} to={row.href} aria-label={`Open in queue: ${row.cells[0]}`}>
                            Open in queue
                          </Anchor>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
