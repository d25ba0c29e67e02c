package org.threatreport.pipeline;

import java.util.Map;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.TableView;
import org.threatreport.data.DataSet;
import org.threatreport.model.Report;

/**
 * A report project read and checked, with every cell's numbers computed: everything a build
 * needs before it renders anything.
 *
 * @param tables the tables as templates see them, by name
 * @param cells  every cell's numbers, by id
 */
public record LoadedProject(DataSet data, Report report, Map<String, TableView> tables, Map<String, CellData> cells) {

    public LoadedProject {
        tables = Map.copyOf(tables);
        cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
    }

    public long figureCount() {
        return report.cells().values().stream()
                .filter(p -> p.cell().kind() == org.threatreport.model.CellKind.FIGURE).count();
    }
}
