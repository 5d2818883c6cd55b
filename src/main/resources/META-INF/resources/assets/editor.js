// Stet's article editor: formatting toolbar, live preview and autosave. The form works without
// this script; with it, the writer also gets a preview and a save about every 30 seconds
// (stet.articles.autosave-interval).
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) return;
  var body = document.getElementById("body");
  var title = document.getElementById("title");
  var excerpt = document.getElementById("excerpt");
  var version = document.getElementById("version");
  var status = document.getElementById("save-status");
  var preview = document.getElementById("preview");
  var id = form.getAttribute("data-article");

  // Toolbar: wrap the selection (or insert at the caret) with the button's Markdown.
  var toolbar = form.querySelector(".toolbar");
  toolbar.hidden = false;
  toolbar.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var before = button.getAttribute("data-before");
    var after = button.getAttribute("data-after");
    if (before === null) return;
    var start = body.selectionStart, end = body.selectionEnd;
    var selected = body.value.substring(start, end);
    body.setRangeText(before + selected + after, start, end, "select");
    body.setSelectionRange(start + before.length, start + before.length + selected.length);
    body.focus();
    changed();
  });

  // Ctrl+B and Ctrl+I (Cmd on a Mac) in the text: bold and italic, as the toolbar's buttons.
  body.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    var key = event.key.toLowerCase();
    var button = key === "b" ? toolbar.querySelector("[title=Bold]")
      : key === "i" ? toolbar.querySelector("[title=Italic]") : null;
    if (!button) return;
    event.preventDefault();
    button.click();
  });

  // Citation buttons: insert [@key] at the caret, as the toolbar inserts Markdown.
  form.querySelectorAll("button.cite").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = "[@" + button.getAttribute("data-key") + "]";
      var start = body.selectionStart, end = body.selectionEnd;
      body.setRangeText(text, start, end, "end");
      body.focus();
      changed();
    });
  });

  // Images: the button, drag and drop, and paste upload to the article's media; the Markdown is
  // inserted at the caret with the cursor between the brackets, for the description.
  var imageButton = document.getElementById("image-button");
  var imageFile = document.getElementById("image-file");
  var imageProgress = document.getElementById("image-progress");
  function uploadImage(file) {
    if (!id) {
      status.textContent = "Save the draft once before adding images.";
      return;
    }
    if (!/^image\/(jpeg|png|webp|gif)$/.test(file.type)) {
      status.textContent = "Only JPEG, PNG, WebP and GIF images can be added; " + (file.name || "this file") + " is not one.";
      return;
    }
    var data = new FormData();
    data.append("file", file, file.name || "pasted-image.png");
    data.append("alt", "");
    var request = new XMLHttpRequest();
    request.open("POST", "/api/v1/articles/" + id + "/media");
    request.setRequestHeader("X-CSRF-Token", csrfMeta ? csrfMeta.content : "");
    request.setRequestHeader("Accept", "application/json");
    imageProgress.hidden = false;
    imageProgress.value = 0;
    status.textContent = "Uploading the image…";
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) imageProgress.value = Math.round((e.loaded / e.total) * 100);
    });
    request.addEventListener("load", function () {
      imageProgress.hidden = true;
      var json = null;
      try { json = JSON.parse(request.responseText); } catch (ignored) { /* shown below */ }
      if (request.status !== 201 || !json) {
        status.textContent = "The image was not added: " + ((json && json.message) || "error " + request.status) + ".";
        return;
      }
      var start = body.selectionStart;
      var text = "\n\n![](" + json.url + ")\n\n";
      body.setRangeText(text, start, body.selectionEnd, "end");
      body.setSelectionRange(start + 4, start + 4);
      body.focus();
      changed();
      status.textContent = "Image added. Type its description between [ and ] for readers who cannot see it.";
    });
    request.addEventListener("error", function () {
      imageProgress.hidden = true;
      status.textContent = "The image was not added: the server could not be reached.";
    });
    request.send(data);
  }
  imageButton.addEventListener("click", function () { imageFile.click(); });
  imageFile.addEventListener("change", function () {
    if (imageFile.files.length) uploadImage(imageFile.files[0]);
    imageFile.value = "";
  });
  body.addEventListener("dragover", function (event) {
    if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) event.preventDefault();
  });
  body.addEventListener("drop", function (event) {
    if (event.dataTransfer && event.dataTransfer.files.length) {
      event.preventDefault();
      uploadImage(event.dataTransfer.files[0]);
    }
  });
  body.addEventListener("paste", function (event) {
    var items = event.clipboardData ? event.clipboardData.files : [];
    if (items && items.length) {
      event.preventDefault();
      uploadImage(items[0]);
    }
  });

  // The API wants JSON and, besides the browser's Origin, the session's CSRF token (decision 0006).
  var csrfMeta = document.querySelector("meta[name=csrf-token]");
  var jsonHeaders = {
    "Content-Type": "application/json",
    "Accept": "application/json",
    "X-CSRF-Token": csrfMeta ? csrfMeta.content : ""
  };

  // Live preview: the server renders and sanitises exactly as the public page does.
  // Its HTML (body and reference entries) is cleaned by the server's body policy.
  preview.closest("section").hidden = false;
  var warning = document.getElementById("preview-warning");
  var referenceList = document.getElementById("preview-references");
  var previewTimer = null;
  function renderPreview() {
    fetch("/api/v1/preview", {
      method: "POST",
      credentials: "same-origin",
      headers: jsonHeaders,
      body: JSON.stringify({ body: body.value, article: id ? Number(id) : null })
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (json) {
      if (!json) return;
      preview.innerHTML = json.html;
      var unknown = json.unknownKeys || [];
      var problems = [];
      if (unknown.length) {
        problems.push("Cited without a reference: " + unknown.join(", ") +
          ". Add the reference, or correct the key.");
      }
      if (json.undescribedImages) {
        problems.push(json.undescribedImages + (json.undescribedImages === 1 ? " image has" : " images have") +
          " no description: type it between ![ and ].");
      }
      warning.hidden = problems.length === 0;
      warning.textContent = problems.length === 0 ? "" :
        problems.join(" ") + " The article cannot be submitted until then.";
      var list = referenceList.querySelector("ul");
      list.textContent = "";
      (json.references || []).forEach(function (entry) {
        var item = document.createElement("li");
        item.id = entry.anchor;
        item.innerHTML = entry.html;
        list.appendChild(item);
      });
      referenceList.hidden = list.children.length === 0;
    }).catch(function () { /* the preview is a convenience; saving is what matters */ });
  }

  // Autosave: only an existing draft, only when something changed, never over someone else's save.
  var dirty = false, saving = false, conflict = false;
  // Save pressed while an autosave is on its way: sent once that autosave has answered, with the
  // version it made (else the save would seem to conflict with the author's own autosave).
  var submitPending = false, pendingSubmitter = null;
  function submitIfPending() {
    if (!submitPending) return;
    submitPending = false;
    if (form.requestSubmit) form.requestSubmit(pendingSubmitter || undefined); else form.submit();
  }
  function changed() {
    dirty = true;
    if (!conflict) status.textContent = "Unsaved changes";
    clearTimeout(previewTimer);
    previewTimer = setTimeout(renderPreview, 400);
  }
  [body, title, excerpt].forEach(function (field) { field.addEventListener("input", changed); });

  function autosave() {
    if (!id || !dirty || saving || conflict || !title.value.trim()) return;
    saving = true;
    dirty = false;
    status.textContent = "Saving…";
    fetch("/api/v1/articles/" + id, {
      method: "PUT",
      credentials: "same-origin",
      headers: jsonHeaders,
      body: JSON.stringify({
        title: title.value, body: body.value,
        excerpt: excerpt.value.trim() ? excerpt.value : null,
        version: Number(version.value)
      })
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; });
    }).then(function (result) {
      saving = false;
      if (result.status === 200) {
        version.value = result.json.version;
        status.textContent = "Saved at " + new Date().toLocaleTimeString();
      } else if (result.status === 409 && result.json.current) {
        conflict = true;
        dirty = true;
        status.textContent = result.json.message + " Press Save to see both versions and merge.";
      } else {
        dirty = true;
        status.textContent = "Not saved: " + (result.json.message || "error " + result.status);
      }
      submitIfPending();
    }).catch(function () {
      saving = false;
      dirty = true;
      status.textContent = "Not saved: the server could not be reached. Your text is still here.";
      submitIfPending();
    });
  }
  // A correction publishes when saved: its form has no data-autosave and is never saved by itself.
  if (form.hasAttribute("data-autosave")) {
    setInterval(autosave, Number(form.getAttribute("data-autosave")) || 30000);
  }
  form.addEventListener("submit", function (event) {
    if (saving) {
      event.preventDefault();
      submitPending = true;
      pendingSubmitter = event.submitter || null;
      return;
    }
    conflict = false;
    dirty = false;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
  renderPreview();
})();
