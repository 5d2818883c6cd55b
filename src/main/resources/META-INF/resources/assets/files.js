// Attaching a file with a progress bar: the desk form is sent to the JSON API with
// XMLHttpRequest (fetch cannot report upload progress), with the session's CSRF token; the
// page reloads when it is stored, or shows the refusal in words. Without this script the form
// posts to the desk as usual.
(function () {
  "use strict";
  var form = document.getElementById("attach");
  if (!form || !window.FormData) return;
  var progress = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");
  var error = document.getElementById("upload-error");
  var token = document.querySelector("meta[name=csrf-token]");

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(form);
    data.delete("_csrf");
    var request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("data-api"));
    request.setRequestHeader("X-CSRF-Token", token ? token.content : "");
    request.setRequestHeader("Accept", "application/json");
    progress.hidden = false;
    progress.value = 0;
    error.hidden = true;
    status.textContent = "Uploading…";
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
        status.textContent = progress.value < 100 ? "Uploading… " + progress.value + "%" : "Checking the file…";
      }
    });
    request.addEventListener("load", function () {
      if (request.status === 201) {
        window.location.assign(window.location.pathname + "?done=added");
        return;
      }
      var message = "The file was not attached (error " + request.status + ").";
      try {
        var json = JSON.parse(request.responseText);
        if (json.message) message = json.message;
      } catch (ignored) { /* not JSON: keep the plain message */ }
      fail(message);
    });
    request.addEventListener("error", function () {
      fail("The server could not be reached. The file was not attached; try again.");
    });
    request.send(data);
  });

  function fail(message) {
    progress.hidden = true;
    status.textContent = "";
    error.textContent = message;
    error.hidden = false;
  }
})();
