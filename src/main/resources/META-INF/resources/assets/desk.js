// Stet's desk, on every desk page. Everything here is a shortcut over pages that work without
// JavaScript:
// - a form marked data-may-ask (withdraw, reject, retract, publish now, cancel a review, disable an
//   account, delete) first asks the server whether it needs confirmation (header
//   X-Stet-Ask-First: nothing is done); the confirmation page's question then opens in a small
//   dialog over the page (Escape or "No, go back" closes it), and confirming posts the form for
//   real with confirmed=yes. A form that needs no confirmation is posted as it is.
// - Ctrl+S (or Cmd+S) saves: it submits the form the cursor is in, or the page's form marked
//   data-save; forms marked data-no-shortcut (publishing a correction) are left alone.
// - a table wider than the window, which scrolls in place on a phone (desk.css), takes the
//   keyboard's focus, so that the arrow keys scroll it as well.
(function () {
  "use strict";

  var dialog = null;

  function closeDialog() {
    if (dialog && dialog.open) dialog.close();
  }

  function openDialog(section, opener) {
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "confirm-dialog";
      dialog.setAttribute("aria-labelledby", "confirm-title");
      document.body.appendChild(dialog);
      dialog.addEventListener("close", function () {
        if (dialog.opener && document.contains(dialog.opener)) dialog.opener.focus();
      });
    }
    dialog.opener = opener;
    dialog.replaceChildren(document.importNode(section, true));
    var back = dialog.querySelector("a");
    if (back) {
      back.setAttribute("role", "button");
      back.addEventListener("click", function (event) {
        event.preventDefault();
        closeDialog();
      });
    }
    dialog.showModal();
    var confirm = dialog.querySelector("button[type=submit]");
    if (confirm) confirm.focus();
  }

  function formBody(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    return new URLSearchParams(data);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-may-ask") || form.dataset.asked === "yes") return;
    event.preventDefault();
    var submitter = event.submitter || null;
    // getAttribute: a field named "action" (the workflow's forms have one) hides form.action.
    fetch(form.getAttribute("action"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-Stet-Ask-First": "yes", "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody(form, submitter)
    }).then(function (response) {
      if (response.status !== 200) return null;
      return response.text();
    }).then(function (html) {
      var section = html && new DOMParser().parseFromString(html, "text/html")
        .querySelector("section.confirm");
      if (section) {
        openDialog(section, submitter || form);
        return;
      }
      postForReal(form, submitter);
    }).catch(function () {
      postForReal(form, submitter);
    });
  });

  // Nothing was done by the question: the form goes as typed, and the server answers as without
  // this script (its own confirmation page, a refusal, or the step done).
  function postForReal(form, submitter) {
    form.dataset.asked = "yes";
    if (form.requestSubmit) {
      form.requestSubmit(submitter || undefined);
    } else {
      form.submit();
    }
  }

  function focusableWhereScrolling() {
    document.querySelectorAll("table.grid").forEach(function (table) {
      if (table.scrollWidth > table.clientWidth) {
        table.setAttribute("tabindex", "0");
      } else {
        table.removeAttribute("tabindex");
      }
    });
  }
  focusableWhereScrolling();
  window.addEventListener("resize", focusableWhereScrolling);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeDialog();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      var active = document.activeElement;
      var form = (active && active.form) || (active && active.closest && active.closest("form"))
        || document.querySelector("form[data-save]");
      if (!form || (form.getAttribute("method") || "").toLowerCase() !== "post") return;
      event.preventDefault();
      if (form.hasAttribute("data-no-shortcut")) return;
      var save = form.querySelector("button[type=submit]:not([name])")
        || form.querySelector("button[type=submit]");
      if (form.requestSubmit) {
        form.requestSubmit(save || undefined);
      } else {
        form.submit();
      }
    }
  });
})();
