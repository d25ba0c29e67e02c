// The site root's forwarding pages (index.html, latest/…) load this from the latest version: on to
// the page their canonical link names, keeping the #fragment. Without scripts their meta refresh
// forwards them (without the fragment).
(function () {
  "use strict";
  var target = document.querySelector('link[rel="canonical"]');
  if (target) {
    location.replace(target.getAttribute("href") + location.hash);
  }
})();
