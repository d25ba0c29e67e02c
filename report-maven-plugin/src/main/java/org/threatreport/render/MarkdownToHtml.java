package org.threatreport.render;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.threatreport.model.MarkdownSyntax;

/**
 * flexmark-java's HTML renderer, configured once per build: heading ids, raw HTML escaped, each
 * cell placeholder replaced by its rendered figure or table, each block of key numbers by its layout,
 * and each reference made a link to the figure or table it names.
 */
final class MarkdownToHtml {

    /** What a reference becomes: its label ("图 2") linking to {@code href}. */
    record Link(String label, String href) {
    }

    private static final DataKey<Map<String, String>> CELLS = new DataKey<>("threatreport.cells", Map.of());
    private static final DataKey<Map<Integer, String>> KEY_NUMBERS = new DataKey<>("threatreport.keynumbers", Map.of());
    private static final DataKey<Function<String, Link>> LINKS = new DataKey<>("threatreport.references",
            id -> null);

    private final HtmlRenderer renderer;

    MarkdownToHtml() {
        MutableDataSet options = new MutableDataSet(MarkdownSyntax.options());
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TablesExtension.CLASS_NAME, "data-table");
        this.renderer = HtmlRenderer.builder(options).nodeRendererFactory(o -> new ReportNodes()).build();
    }

    /**
     * The HTML of a parsed chapter, and its headings (with the ids the HTML gives them).
     *
     * @param cellHtml      each cell's figure or table, by id
     * @param keyNumberHtml each block of key numbers, by the offset of its opening fence
     * @param references    what each reference links to, or null for an id no cell has (left as text)
     */
    String render(Document document, Map<String, String> cellHtml, Map<Integer, String> keyNumberHtml,
                  Function<String, Link> references, List<Heading> headings) {
        document.set(CELLS, cellHtml);
        document.set(KEY_NUMBERS, keyNumberHtml);
        document.set(LINKS, references);
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

    /** Renders cell placeholders and references; every other fenced block as code. */
    private static final class ReportNodes implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::cell),
                    new NodeRenderingHandler<>(MarkdownSyntax.Reference.class, this::reference));
        }

        private void cell(FencedCodeBlock block, NodeRendererContext context, HtmlWriter html) {
            String id = MarkdownSyntax.placeholderId(block);
            String cell = id != null ? CELLS.get(context.getDocument()).get(id)
                    : KEY_NUMBERS.get(context.getDocument()).get(block.getStartOffset());
            if (cell != null) {
                html.line().raw(cell).line();
                return;
            }
            context.delegateRender();
        }

        private void reference(MarkdownSyntax.Reference reference, NodeRendererContext context, HtmlWriter html) {
            Link link = LINKS.get(context.getDocument()).apply(reference.id());
            if (link == null) {
                html.text(reference.getChars());
                return;
            }
            html.attr("href", link.href()).withAttr().tag("a");
            html.text(link.label());
            html.tag("/a");
        }
    }
}
