package org.threatreport.render;

import java.util.ArrayList;
import java.util.List;
import org.threatreport.aggregate.CellData;

/** A cell's numbers as table rows for the layouts: a label, then count and share per series. */
public record TableRows(List<String> header, List<List<String>> rows) {

    public static TableRows of(CellData data, Messages messages) {
        List<String> header = new ArrayList<>();
        header.add(data.what());
        boolean single = data.series().size() == 1;
        for (CellData.Series series : data.series()) {
            header.add(single ? messages.get("table.count") : series.name());
        }
        if (single) {
            header.add(messages.get("table.share"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < data.categories().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(data.categories().get(i));
            for (CellData.Series series : data.series()) {
                row.add(Long.toString(series.counts().get(i)));
            }
            if (single) {
                row.add(data.series().get(0).shares().get(i).toString());
            }
            rows.add(List.copyOf(row));
        }
        return new TableRows(List.copyOf(header), List.copyOf(rows));
    }

    /** The same numbers as CSV (RFC 4180, UTF-8 with a header row), for downloads. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        appendRow(csv, header);
        rows.forEach(row -> appendRow(csv, row));
        return csv.toString();
    }

    private static void appendRow(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                csv.append(',');
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }
}
