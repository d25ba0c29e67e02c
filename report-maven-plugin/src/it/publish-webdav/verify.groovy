// `mvn site:publish` over WebDAV: what readers fetch over HTTP afterwards, and the one-line
// refusal of wrong credentials. Stops the nginx prebuild.groovy started.
import groovy.json.JsonSlurper

def prefix = new File(basedir, 'target/nginx')
def port = new File(prefix, 'port').text
def get = { String path -> new URL("http://127.0.0.1:${port}/reports/threat/${path}").getText('UTF-8') }
try {
    def versions = new JsonSlurper().parseText(get('versions.json'))
    assert versions*.version == ['2017.1', '2017.0']
    assert versions[0].aliases == ['latest']
    assert get('versions.js').contains('window.threatReportVersions = [{"version":"2017.1"')
    assert get('index.html').contains('url=2017.1/index.html')
    assert get('latest/02-other.html').contains('url=../2017.1/02-other.html')
    def page = get('2017.0/02-other.html')
    assert page.contains('<script src="../versions.js"></script>')
    assert page.contains('id="version-banner"') && page.contains('data-outdated=')
    def corrections = get('2017.1/corrections.html')
    assert corrections.contains('政府部门 <span class="change-before">5（45.5%）</span> → <strong class="change-after">6（54.5%）</strong>')
    assert get('sitemap.xml').contains("<loc>http://127.0.0.1:${port}/reports/threat/2017.1/sitemap.xml</loc>")
    assert new File(prefix, 'www/reports/threat').list().findAll { it.startsWith('.') && it != '.publish' } == []
    assert new File(prefix, 'www/reports/threat/.publish').list() as List == [] : 'no lock or upload is left'

    def log = new File(basedir, 'build.log').getText('UTF-8')
    assert log.contains("refused to create the site root (HTTP 401): check the user name and password of <server> 'wrong-credentials' in ~/.m2/settings.xml")
    assert !log.contains('\tat org.threatreport') : 'a stack trace was printed at the default log level'
    // -X turns every debug log on, the HTTP client's among them: no password, in plain or as the
    // Authorization header's base64, right or wrong.
    assert log.contains('[DEBUG]') && log.contains('Installed 2017.1/') : 'a publish ran with -X'
    ['s3cret', 'not-the-password'].each { password ->
        def basic = Base64.encoder.encodeToString("editor:${password}".getBytes('UTF-8'))
        assert !log.contains(password) : "the password ${password} was logged"
        assert !log.contains(basic) : "the password ${password} was logged in base64 (Authorization: Basic)"
    }
    assert !log.contains('Authorization: Basic')
    assert new File(prefix, 'logs/access.log').readLines().any { it.contains('"MOVE ') } : 'the publishes did reach nginx'
    // The lock and unfinished uploads are for editors only.
    def hidden = new URL("http://127.0.0.1:${port}/reports/threat/.publish/").openConnection()
    assert hidden.responseCode == 401
} finally {
    ProcessHandle.of(Long.parseLong(new File(prefix, 'launcher.pid').text)).ifPresent { launcher ->
        launcher.descendants().forEach { it.destroy() }
        launcher.destroy()
    }
}
return true
