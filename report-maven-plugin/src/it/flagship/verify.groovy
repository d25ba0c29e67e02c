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
assert !log.contains('ERROR')

def files = { File root -> root.listFiles().collectMany { it.isDirectory() ? owner.call(it) : [it] } }
def firstFiles = files(first).collect { first.toPath().relativize(it.toPath()).toString() }.sort()
def secondFiles = files(site).collect { site.toPath().relativize(it.toPath()).toString() }.sort()
assert firstFiles == secondFiles
firstFiles.each { assert new File(first, it).bytes == new File(site, it).bytes : "$it differs between builds" }
return true
