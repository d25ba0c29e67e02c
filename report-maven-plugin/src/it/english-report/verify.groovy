// An English report with two tables and its own overrides builds with the same plugin.
def site = new File(basedir, 'target/report-site/1.0')
['index.html', '01-overview.html', '02-campaigns.html', '03-appendix.html', 'assets/extra-note.txt',
 'data/phishing.csv', 'data/assets.csv'].each {
    assert new File(site, it).isFile() : "missing $it"
}
def index = new File(site, 'index.html').getText('UTF-8')
assert index.contains('<html lang="en">')
assert index.contains('Table of contents') : 'the project override of one UI string is used'
assert index.contains('Downloads') : 'the other UI strings still come from the built-in bundle'
def campaigns = new File(site, '02-campaigns.html').getText('UTF-8')
assert campaigns.contains('Figure ') && campaigns.contains('Chapter 2')
assert !campaigns.contains('图 ') && !campaigns.contains('、')
def search = new File(site, 'search.html').getText('UTF-8')
assert search.contains('Search the report') && search.contains('"js.search.count":"{0} results"') : 'reading UI in English'
assert new File(site, 'search-index.js').getText('UTF-8').contains('"language":"en"')
def pdf = new File(site, 'report.pdf')
assert pdf.isFile() && new String(pdf.bytes, 0, 5, 'ISO-8859-1') == '%PDF-' : 'the PDF edition is written by default'
assert campaigns.contains('>Download PDF</a>')
return true
