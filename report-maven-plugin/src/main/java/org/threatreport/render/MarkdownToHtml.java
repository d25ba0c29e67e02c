package org.threatreport.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
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
import org.threatreport.model.LinkPolicy;
import org.threatreport.model.MarkdownSyntax;

/**
 * flexmark-java's HTML renderer, configured once per build: heading ids, raw HTML escaped, each
 * cell placeholder replaced by its rendered figure or table, each block of key numbers by its layout,
 * each reference made a link to the figure or table it names, and each link {@link LinkPolicy} refuses
 * left as its text.
 */
final class MarkdownToHtml {

    /** What a reference becomes: its label ("图 2") linking to {@code href}. */
    record Target(String label, String href) {
    }

    private static final DataKey<Map<String, String>> CELLS = new DataKey<>("threatreport.cells", Map.of());
    private static final DataKey<Map<Integer, String>> KEY_NUMBERS = new DataKey<>("threatreport.keynumbers", Map.of());
    private static final DataKey<Function<String, Target>> LINKS = new DataKey<>("threatreport.references",
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
                  Function<String, Target> references, List<Heading> headings) {
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
                    new NodeRenderingHandler<>(MarkdownSyntax.Reference.class, this::reference),
                    new NodeRenderingHandler<>(Link.class, this::link),
                    new NodeRenderingHandler<>(LinkRef.class, this::link),
                    new NodeRenderingHandler<>(AutoLink.class, this::link),
                    new NodeRenderingHandler<>(MailLink.class, this::link),
                    new NodeRenderingHandler<>(Image.class, this::image),
                    new NodeRenderingHandler<>(ImageRef.class, this::image));
        }

        /** A link the policy refuses stays as its text; the others render as flexmark renders them. */
        private void link(Node link, NodeRendererContext context, HtmlWriter html) {
            if (LinkPolicy.allows(link)) {
                context.delegateRender();
            } else if (link.hasChildren()) {
                context.renderChildren(link);
            } else {
                html.text(link.getChars());
            }
        }

        /** An image the policy refuses stays as its text alternative. */
        private void image(Node image, NodeRendererContext context, HtmlWriter html) {
            if (LinkPolicy.allows(image)) {
                context.delegateRender();
            } else {
                html.text(image instanceof Image picture ? picture.getText() : ((ImageRef) image).getText());
            }
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
            Target link = LINKS.get(context.getDocument()).apply(reference.id());
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
