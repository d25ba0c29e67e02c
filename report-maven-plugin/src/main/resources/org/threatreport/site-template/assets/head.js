// Loaded in the head, before the page is drawn, so that the styles for readers with scripts
// (html.js) apply from the first paint. A file rather than an inline script: the site's
// Content-Security-Policy allows scripts from the site only.
document.documentElement.classList.add("js");
