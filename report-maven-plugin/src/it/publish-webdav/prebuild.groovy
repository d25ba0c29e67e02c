// Starts nginx with WebDAV and basic authentication on 127.0.0.1 at a free port, with its own
// prefix under target/nginx, and points the POM's site URL at it. verify.groovy stops it; `timeout`
// stops it anyway after ten minutes should the build end otherwise.
def prefix = new File(basedir, 'target/nginx')
['www/reports', 'temp', 'logs'].each { new File(prefix, it).mkdirs() }
def openssl = ['openssl', 'passwd', '-apr1', 's3cret'].execute()
def hash = openssl.text.trim()
new File(prefix, 'htpasswd').text = "editor:${hash.startsWith('$apr1$') ? hash : '{PLAIN}s3cret'}\n"
int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def p = prefix.absolutePath
new File(prefix, 'nginx.conf').text = """
load_module /usr/lib/nginx/modules/ngx_http_dav_ext_module.so;
${System.getProperty('user.name') == 'root' ? 'user root;' : ''}
daemon off;
master_process off;
pid ${p}/nginx.pid;
error_log ${p}/logs/error.log info;
events { worker_connections 64; }
http {
    client_body_temp_path ${p}/temp/body;
    proxy_temp_path ${p}/temp/proxy;
    fastcgi_temp_path ${p}/temp/fastcgi;
    uwsgi_temp_path ${p}/temp/uwsgi;
    scgi_temp_path ${p}/temp/scgi;
    access_log ${p}/logs/access.log;
    types { text/html html; text/css css; application/javascript js; application/json json; image/svg+xml svg; image/png png; text/csv csv; application/xml xml; }
    charset utf-8;
    charset_types text/css application/javascript application/json text/csv application/xml;
    server {
        listen 127.0.0.1:${port};
        root ${p}/www;
        error_page 404 /reports/threat/404.html;
        location / {
            dav_methods PUT DELETE MKCOL COPY MOVE;
            dav_ext_methods PROPFIND OPTIONS;
            create_full_put_path on;
            dav_access user:rw group:r all:r;
            limit_except GET HEAD {
                auth_basic "threat reports";
                auth_basic_user_file ${p}/htpasswd;
            }
            location ~ /\\. {
                auth_basic "threat reports";
                auth_basic_user_file ${p}/htpasswd;
            }
        }
    }
}
"""
def nginx = new ProcessBuilder('timeout', '600', '/usr/sbin/nginx', '-p', p, '-c', "${p}/nginx.conf".toString(),
        '-e', "${p}/logs/error.log".toString()).redirectErrorStream(true)
        .redirectOutput(new File(prefix, 'logs/stdout.log')).start()
new File(prefix, 'launcher.pid').text = String.valueOf(nginx.pid())
new File(prefix, 'port').text = String.valueOf(port)
def deadline = System.currentTimeMillis() + 20000
while (true) {
    try {
        new Socket('127.0.0.1', port).close()
        break
    } catch (IOException notYet) {
        assert nginx.isAlive() : new File(prefix, 'logs/error.log').text
        assert System.currentTimeMillis() < deadline : 'nginx did not start'
        Thread.sleep(100)
    }
}
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('NGINX_PORT', String.valueOf(port))
return true
