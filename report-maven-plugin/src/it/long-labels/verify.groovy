// Long category names: every figure is drawn with a mark for every value, in every variant, and its
// labels are where a reader can read them (checked in detail by FigureLegibilityTest).
def site = new File(basedir, 'target/report-site/1.0')
def figures = ['fig-industry-columns', 'fig-industry-bars', 'fig-action-industry', 'fig-action', 'fig-monthly']
figures.each { id ->
    ['.svg', '.dark.svg', '.narrow.svg', '.narrow.dark.svg', '.png', '.csv'].each {
        assert new File(site, "figures/$id$it").length() > 0 : "missing figures/$id$it"
    }
}
// 21 industries, each its own bar: none lost to the labels (the columns are drawn as bars).
['fig-industry-columns', 'fig-industry-bars'].each { id ->
    def svg = new File(site, "figures/${id}.svg").getText('UTF-8')
    (0..20).each { c -> assert svg.contains("class=\"mark s0 c$c\"") : "$id: no bar for category $c" }
    assert svg.contains('<title>Administrative and Support and Waste Management and Remediation Services</title>') ||
            svg.contains('>Administrative and Support and Waste Management and Remediation Services<')
}
def page = new File(site, '01-industries.html').getText('UTF-8')
assert page.contains('figures/fig-industry-columns.narrow.svg') && page.contains('figures/fig-industry-columns.dark.svg')
return true
