package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threatreport.aggregate.CellComputer;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.Wording;
import org.threatreport.chart.ChartInput;
import org.threatreport.data.DataSetFixture;
import org.threatreport.data.LoadedTable;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.ChartType;

/** A figure's chart, its alt text and its table are made from the same numbers and agree to the digit. */
class FigureAgreementTest {

    static CellData industry(boolean percent) throws Exception {
        LoadedTable table = DataSetFixture.good();
        Cell cell = new Cell(CellKind.FIGURE, "fig-industry", "图 1", ChartType.BAR, "incidents", "industry", null,
                false, false, 0, Map.of(), percent, true, "各行业", "", 0, 0, Path.of("x.md"), 1);
        TableView view = TableView.of(table, Wording.forLanguage("zh-CN"), 2017);
        return new CellComputer(Map.of("incidents", view), "zh-CN").compute(cell);
    }

    @Test
    void chartLabelsAltTextAndTableRowsAgree() throws Exception {
        CellData data = industry(false);
        ChartInput chart = FigureFiles.chartInput(data);
        String alt = AltText.of(data, "", true);
        TableRows rows = TableRows.of(data, new Messages(Map.of("table.count", "数量", "table.share", "占比")));

        assertEquals(List.of("政府部门", "金融机构", "IT 信息技术"), chart.categories());
        assertEquals(List.of("2", "1", "1"), chart.series().get(0).valueLabels());
        assertEquals("条形图：政府部门 2 起（50.0%）；金融机构 1 起（25.0%）；IT 信息技术 1 起（25.0%）。", alt);
        List<List<String>> expectedRows = new ArrayList<>();
        expectedRows.add(List.of("政府部门", "2", "50.0%"));
        expectedRows.add(List.of("金融机构", "1", "25.0%"));
        expectedRows.add(List.of("IT 信息技术", "1", "25.0%"));
        assertEquals(expectedRows, rows.rows());
        for (int i = 0; i < rows.rows().size(); i++) {
            assertTrue(alt.contains(rows.rows().get(i).get(0) + " " + rows.rows().get(i).get(1) + " 起（"
                    + rows.rows().get(i).get(2) + "）"));
        }
    }

    @Test
    void aPercentAxisPrintsTheSameRoundedSharesAsTheText() throws Exception {
        ChartInput chart = FigureFiles.chartInput(industry(true));
        assertEquals(List.of("50.0%", "25.0%", "25.0%"), chart.series().get(0).valueLabels());
        assertEquals(List.of(50.0, 25.0, 25.0), chart.series().get(0).values());
    }

    @Test
    void theCsvDownloadHoldsTheTableRows() throws Exception {
        TableRows rows = TableRows.of(industry(false), new Messages(Map.of("table.count", "数量", "table.share", "占比")));
        assertEquals("industry,数量,占比\r\n政府部门,2,50.0%\r\n金融机构,1,25.0%\r\nIT 信息技术,1,25.0%\r\n", rows.toCsv());
    }
}
