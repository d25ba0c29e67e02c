// `mvn site:publish` to a file: target: two versions side by side, the root lands on the latest,
// the corrections log was computed against the target, and a bad version is one line.
import groovy.json.JsonSlurper

def hosting = new File(basedir, 'target/hosting/threat')
def versions = new JsonSlurper().parse(new File(hosting, 'versions.json'))
assert versions*.version == ['2017.1', '2017.0']
assert versions[0].aliases == ['latest'] && versions[1].aliases == []
assert new File(hosting, 'versions.js').getText('UTF-8').contains('window.threatReportVersions = [{"version":"2017.1"')
assert new File(hosting, 'index.html').getText('UTF-8').contains('url=2017.1/index.html')
assert new File(hosting, 'latest/index.html').getText('UTF-8').contains('url=../2017.1/index.html')
['404.html', 'versions.html', 'sitemap.xml', '2017.0/index.html', '2017.0/figures/fig-industry.svg',
 '2017.1/02-other.html', '2017.1/values.json'].each {
    assert new File(hosting, it).isFile() : "missing $it"
}
def corrections = new File(hosting, '2017.1/corrections.html').getText('UTF-8')
assert corrections.contains('data-since="2017.0"')
assert corrections.contains('政府部门 <span class="change-before">5（45.5%）</span> → <strong class="change-after">6（54.5%）</strong>')
assert hosting.list().findAll { it.startsWith('.') && it != '.publish' } == []
assert new File(hosting, '.publish').list() as List == [] : 'no lock or upload is left'
// Readable by a web server running as another user.
assert java.nio.file.Files.getPosixFilePermissions(new File(hosting, '2017.1/index.html').toPath()) ==
        java.nio.file.attribute.PosixFilePermissions.fromString('rw-r--r--')
assert java.nio.file.Files.getPosixFilePermissions(new File(hosting, 'latest').toPath()) ==
        java.nio.file.attribute.PosixFilePermissions.fromString('rwxr-xr-x')

// -Dreport.publishUrl sent 2017.1 elsewhere, alone there.
def elsewhere = new JsonSlurper().parse(new File(basedir, 'target/elsewhere/versions.json'))
assert elsewhere*.version == ['2017.1']

// The last runs: a version with '..' is refused in one line, before anything is sent; a version named
// like a file of the site root is refused by site:report too.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[ERROR] Failed to execute goal org.threatreport:report-maven-plugin:") && log.contains(":publish")
assert log.contains("report.version '../2017.1' is not a usable version: a version is a folder name of letters, digits")
assert log.contains("report.version 'latest' is the name of a file of the site root (index.html, versions.html,")
assert !new File(basedir, 'target/report-site/latest/values.json').exists()
assert !log.contains('\tat org.threatreport') : 'a stack trace was printed at the default log level'
return true
