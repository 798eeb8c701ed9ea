// Its CSS comes with it: the table, in a ScrollArea.
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { TableColumn, TableRow } from './ChartSection';

interface ReportTableProps {
  readonly id: string;
  /** The section's heading, which names the table. */
  readonly headingId: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/** A chart's figures as a table, each row linking to the queue where the queue can filter to its tickets. */
export function ReportTable({ id: tableId, headingId, columns, rows }: ReportTableProps) {
  const linked = rows.some((row) => row.href);
  return (
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
  );
}
