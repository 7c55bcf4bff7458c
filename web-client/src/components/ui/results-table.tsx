import type { ReactNode } from 'react';
import { TableRegion } from './table-region';

export interface ResultsColumn {
  header: ReactNode;
  /** A column of figures: its header and cells are aligned as numbers (`table__number`). */
  numeric?: boolean;
}

export interface ResultsRow {
  key: string;
  /** One cell a column, in the columns' order. */
  cells: ReactNode[];
}

export interface ResultsTableProps {
  /** The table's caption, which also names the scrolling region around it. */
  caption: string;
  columns: ResultsColumn[];
  rows: ResultsRow[];
  /** The column whose cells name their row (`<th scope="row">`): the first unless told. */
  rowHeader?: number;
}

/** The table of a results page (survey, vote, budget): the accessible content that its bar chart summarises. */
export function ResultsTable({ caption, columns, rows, rowHeader = 0 }: ResultsTableProps) {
  const align = (index: number) => (columns[index]?.numeric ? 'table__number' : undefined);
  return (
    <TableRegion label={caption}>
      <table className="table results__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={align(index)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === rowHeader ? (
                  <th key={index} scope="row" className={align(index)}>
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={align(index)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
