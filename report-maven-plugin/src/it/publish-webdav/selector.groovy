// Runs where Debian's nginx with WebDAV is installed (apt-get install nginx libnginx-mod-http-dav-ext).
return new File('/usr/sbin/nginx').canExecute() && new File('/usr/lib/nginx/modules/ngx_http_dav_ext_module.so').isFile()
