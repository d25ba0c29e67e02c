/* Served by site:serve only: reloads the page when the report is rebuilt. Never part of a built site.
   Its token comes from its own <script data-token> (no inline script: the site's Content-Security-Policy). */
(function () {
  var token = document.currentScript ? document.currentScript.getAttribute("data-token") : "";
  var scroll = "threat-report-preview-scroll:" + location.pathname;
  try {
    var saved = sessionStorage.getItem(scroll);
    if (saved !== null) {
      sessionStorage.removeItem(scroll);
      window.scrollTo(0, parseInt(saved, 10) || 0);
    }
  } catch (e) { /* storage may be disabled */ }
  var problems = document.getElementById("threat-report-preview-problems");
  var close = problems && problems.querySelector(".threat-report-preview-close");
  if (close) {
    close.addEventListener("click", function () { problems.hidden = true; });
  }
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
        if (request.status !== 200 || !answer) {
          wait(2000); // the server is busy (too many pages waiting) or restarting: ask again later
        } else if (answer.token !== token) {
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
