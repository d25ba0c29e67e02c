// The flagship report built by `mvn site:report`: every chapter page, every figure, and a second
// build identical to the first.
def site = new File(basedir, 'target/report-site/2017')
def first = new File(basedir, 'target/first-build/2017')
def log = new File(basedir, 'build.log').getText('UTF-8')

['index.html', '01-preface.html', '02-monitoring.html', '03-services.html', '04-appendix.html'].each {
    assert new File(site, it).isFile() : "missing page $it"
}
['fig-monthly', 'fig-industry', 'fig-discovery', 'fig-scope', 'fig-intent', 'fig-phenomenon', 'fig-event-type'].each {
    assert new File(site, "figures/${it}.svg").isFile() : "missing figure $it"
    assert new File(site, "figures/${it}.png").isFile() : "missing figure $it"
}
def chapter = new File(site, '02-monitoring.html').getText('UTF-8')
assert chapter.contains('29.6%') && chapter.contains('49.7%') && !chapter.contains('49.6%')
assert log.contains('Rendered 4 chapters')
['01-preface', '02-monitoring', '03-services', '04-appendix'].each {
    assert new File(site, "${it}.md").isFile() : "missing Markdown of $it"
    assert new File(site, "${it}.ipynb").isFile() : "missing notebook of $it"
}
assert new File(site, 'report.md').isFile()
assert log.contains('Wrote 4 chapters and report.md as Markdown') && log.contains('Built 4 notebooks')
assert !log.contains('ERROR')

// Reading: the search index (a script, so search works from file:// too), the whole report on one page,
// the search and 404 pages; the index logged as a stage of its own.
['search-index.js', 'all.html', 'search.html', '404.html', 'assets/search.js', 'assets/nav.js', 'assets/reading.css',
 'assets/print.css', 'assets/favicon.svg'].each {
    assert new File(site, it).isFile() : "missing $it"
}
assert new File(site, 'search-index.js').length() < 300_000
assert new File(site, 'search-index.js').getText('UTF-8').startsWith('window.REPORT_SEARCH_INDEX = ')
assert log =~ /Indexed \d+ passages of 5 pages for search/

// The PDF edition: written beside the pages (and compared byte for byte below like every other file).
def pdf = new File(site, 'report.pdf')
assert pdf.isFile() && pdf.length() > 50_000 : 'missing report.pdf'
assert new String(pdf.bytes, 0, 8, 'ISO-8859-1').startsWith('%PDF-1.')
assert log =~ /Wrote report\.pdf \(\d+ pages, \d+ KB, font [^)]+\)/
assert new File(site, 'index.html').getText('UTF-8').contains('href="report.pdf"')
assert !log.readLines().any { it.contains('WARNING') && (it =~ /(?i)pdf|font|subset/) } : 'the PDF libraries log nothing'

def files = { File root -> root.listFiles().collectMany { it.isDirectory() ? owner.call(it) : [it] } }
def firstFiles = files(first).collect { first.toPath().relativize(it.toPath()).toString() }.sort()
def secondFiles = files(site).collect { site.toPath().relativize(it.toPath()).toString() }.sort()
assert firstFiles == secondFiles
firstFiles.each { assert new File(first, it).bytes == new File(site, it).bytes : "$it differs between builds" }

// Every file as the reviewed output of the flagship holds it (expected-files.sha256): a change of the
// build that changes what readers get shows here, file by file. After an intended change, write the
// list again (sha256sum of each file of target/report-site/2017, as `sha256sum` prints it) and review
// the difference.
def sha256 = { File f -> java.security.MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def expected = new File(basedir, 'expected-files.sha256').readLines().findAll { it }.collectEntries {
    [(it.substring(66)): it.substring(0, 64)]
}
def actual = secondFiles.collectEntries { [(it): sha256(new File(site, it))] }
def differences = (expected.keySet() + actual.keySet()).findAll { expected[it] != actual[it] }.sort()
assert differences.isEmpty() : "files that differ from expected-files.sha256: ${differences}"
return true
