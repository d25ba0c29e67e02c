package org.threatreport.render;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * flexmark-java, configured once per build: CommonMark with GFM tables and strikethrough, heading
 * ids, raw HTML escaped, and each cell placeholder replaced by its rendered figure or table.
 */
final class MarkdownToHtml {

    private static final DataKey<Map<String, String>> CELLS = new DataKey<>("threatreport.cells", Map.of());

    private final Parser parser;
    private final HtmlRenderer renderer;

    MarkdownToHtml() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TablesExtension.CLASS_NAME, "data-table");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).nodeRendererFactory(o -> new CellRenderer()).build();
    }

    /** The HTML of {@code markdown}, and its headings (with the ids the HTML gives them). */
    String render(String markdown, Map<String, String> cellHtml, List<Heading> headings) {
        Document document = parser.parse(markdown);
        document.set(CELLS, cellHtml);
        HeaderIdGenerator ids = new HeaderIdGenerator.Factory().create();
        ids.generateIds(document);
        collectHeadings(document, headings);
        return renderer.render(document);
    }

    private static void collectHeadings(Node node, List<Heading> into) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof com.vladsch.flexmark.ast.Heading heading) {
                into.add(new Heading(heading.getLevel(), heading.getAnchorRefId(), heading.getText().toString()));
            }
        }
    }

    /** Renders {@code ```cell <id>} placeholders; every other fenced block as code. */
    private static final class CellRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::render));
        }

        private void render(FencedCodeBlock block, NodeRendererContext context, HtmlWriter html) {
            String info = block.getInfo().toString();
            if (info.startsWith("cell ")) {
                String cell = CELLS.get(context.getDocument()).get(info.substring(5).strip());
                if (cell != null) {
                    html.line().raw(cell).line();
                    return;
                }
            }
            context.delegateRender();
        }
    }

}
