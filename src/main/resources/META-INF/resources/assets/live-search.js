// Narrows a list as the user types: the search form's own page is fetched (same address, with the
// words typed) and the list it names (aria-controls) is replaced by the one the server rendered.
// Without this script the search button does the same with a page load.
(function () {
  "use strict";
  document.querySelectorAll("input[data-live-search]").forEach(function (input) {
    var form = input.form;
    var target = document.getElementById(input.getAttribute("aria-controls"));
    if (!form || !target) {
      return;
    }
    var timer = null;
    var latest = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var asked = ++latest;
        var url = new URL(form.action, window.location.href);
        new FormData(form).forEach(function (value, name) {
          url.searchParams.set(name, value);
        });
        fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
          .then(function (response) {
            return response.ok ? response.text() : Promise.reject(response.status);
          })
          .then(function (html) {
            if (asked !== latest) {
              return; // a newer search is on its way
            }
            var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(target.id);
            if (fresh) {
              target.replaceChildren.apply(target, Array.from(fresh.childNodes));
            }
          })
          .catch(function () {
            // The search button still works; nothing typed is lost.
          });
      }, 250);
    });
  });
})();
