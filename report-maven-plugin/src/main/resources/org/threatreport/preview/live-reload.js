/* Injected by site:serve only: reloads the page when the report is rebuilt. Never part of a built site. */
(function () {
  var token = "__TOKEN__";
  var scroll = "threat-report-preview-scroll:" + location.pathname;
  try {
    var saved = sessionStorage.getItem(scroll);
    if (saved !== null) {
      sessionStorage.removeItem(scroll);
      window.scrollTo(0, parseInt(saved, 10) || 0);
    }
  } catch (e) { /* storage may be disabled */ }
  function reload() {
    try { sessionStorage.setItem(scroll, String(window.scrollY)); } catch (e) { /* ignore */ }
    location.reload();
  }
  function wait(delay) {
    setTimeout(function () {
      var request = new XMLHttpRequest();
      request.open("GET", "/_preview/wait?token=" + encodeURIComponent(token));
      request.onload = function () {
        var answer = null;
        try { answer = JSON.parse(request.responseText); } catch (e) { /* not an answer */ }
        if (answer && answer.token !== token) {
          reload();
        } else {
          wait(0);
        }
      };
      request.onerror = function () { wait(1000); };
      request.send();
    }, delay);
  }
  wait(0);
})();
