package org.threatreport.render;

import java.util.ArrayList;
import java.util.List;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.Share;

/**
 * A cell's numbers as table rows for the layouts: a label, then count and share per series (or a measure
 * and the cells it used; or one column per year and the change). {@code rows} print numbers as readers
 * read them (digits grouped, "—" for a share of too few rows); {@code csvRows} as a CSV file holds them
 * (raw numbers).
 */
public record TableRows(List<String> header, List<List<String>> rows, List<List<String>> csvRows) {

    public TableRows {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        csvRows = List.copyOf(csvRows);
    }

    public static TableRows of(CellData data, Messages messages) {
        List<String> header = new ArrayList<>();
        header.add(data.what());
        boolean single = data.series().size() == 1;
        boolean measured = data.measured();
        boolean changes = !data.changes().isEmpty();
        for (CellData.Series series : data.series()) {
            header.add(!single ? series.name() : measured ? data.valueTitle() : messages.get("table.count"));
        }
        if (single && measured) {
            header.add("n");
        } else if (single && !changes) {
            header.add(messages.get("table.share"));
        }
        if (changes) {
            header.add(data.changeTitle());
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> csv = new ArrayList<>();
        for (int i = 0; i < data.categories().size(); i++) {
            List<String> row = new ArrayList<>();
            List<String> raw = new ArrayList<>();
            row.add(data.categories().get(i));
            raw.add(data.categories().get(i));
            for (CellData.Series series : data.series()) {
                if (measured) {
                    row.add(data.measureText(series.values().get(i)));
                    raw.add(CellData.measureRaw(series.values().get(i)));
                } else {
                    row.add(data.countText(series.counts().get(i)));
                    raw.add(Long.toString(series.counts().get(i)));
                }
            }
            CellData.Series first = data.series().get(0);
            if (single && measured) {
                row.add(data.countText(first.n().get(i)));
                raw.add(Long.toString(first.n().get(i)));
            } else if (single && !changes) {
                Share share = first.shares().get(i);
                row.add(share.suppressed() ? "—" : share.toString());
                raw.add(share.suppressed() ? "" : share.toString());
            }
            if (changes) {
                row.add(data.changes().get(i));
                raw.add(data.changes().get(i));
            }
            rows.add(List.copyOf(row));
            csv.add(List.copyOf(raw));
        }
        return new TableRows(header, rows, csv);
    }

    /**
     * The same numbers as CSV (RFC 4180, UTF-8 with a header row), for downloads: raw numbers; a label a
     * spreadsheet would take for a formula starts with an apostrophe ({@link SpreadsheetCells}).
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        appendRow(csv, header);
        csvRows.forEach(row -> appendRow(csv, row));
        return csv.toString();
    }

    private static void appendRow(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = SpreadsheetCells.safe(cells.get(i));
            if (i > 0) {
                csv.append(',');
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }
}
