"use client";

import { useMemo } from "react";
import { boardColumnsHtml, unpackColumns, type PackedColumn } from "./board-columns-html";

/**
 * The board's columns, written as one HTML string from the cards' data (see board-columns-html.ts): on the
 * server for the first paint, and again in the browser, so the page's RSC data carries the cards' data once
 * instead of their HTML a second time, and carries it packed (packColumns: values without their keys). Every
 * value is escaped there.
 */
export function BoardColumns({ columns }: { columns: PackedColumn[] }) {
  const html = useMemo(() => boardColumnsHtml(unpackColumns(columns)), [columns]);
  return <div className="flex snap-x snap-mandatory gap-4" dangerouslySetInnerHTML={{ __html: html }} />;
}
