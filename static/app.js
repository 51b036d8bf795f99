// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Ctrl/Cmd+Enter submits the form the focus is in.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    var form = event.target && event.target.closest ? event.target.closest("form") : null;
    if (!form) return;
    event.preventDefault();
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });

  // Copy buttons: <button data-copy="#selector"> or data-copy-text="literal".
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy],[data-copy-text]") : null;
    if (!button) return;
    var text = button.getAttribute("data-copy-text");
    if (text === null) {
      var source = document.querySelector(button.getAttribute("data-copy"));
      text = source ? (source.value !== undefined && source.tagName !== "DIV" && source.tagName !== "P" ? source.value : source.innerText) : "";
    }
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      button.classList.add("copied");
      setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  });

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more we can do */ }
    document.body.removeChild(area);
  }

  // HTMX shows error responses (4xx/5xx) too, so a failed request always explains itself.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status >= 400 && event.detail.xhr.getResponseHeader("HX-Retarget")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A "not saved" notice sits just before the element whose request failed (the server retargets it there);
  // trying again from that element clears it, so notices never pile up and a later success leaves none.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var previous = event.detail.elt && event.detail.elt.previousElementSibling;
    if (previous && previous.getAttribute("data-notice") === "unavailable") {
      previous.remove();
    }
  });

  // Compare: a "Compare selected" button is usable once two to four of its form's boxes are ticked. The boxes
  // belong to the form through their form attribute, so form.elements finds them wherever the cards are.
  function refreshCompareBar(form) {
    var button = form.querySelector("[data-testid=compare-selected]");
    if (!button) return;
    var picked = 0;
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (el.type === "checkbox" && el.checked) picked++;
    }
    button.disabled = picked < 2 || picked > 4;
    var hint = form.querySelector(".hint");
    if (hint) {
      if (!hint.hasAttribute("data-idle")) hint.setAttribute("data-idle", hint.textContent);
      hint.textContent = picked === 0 ? hint.getAttribute("data-idle")
        : picked > 4 ? picked + " ticked: compare at most four." : picked + " ticked" + (picked < 2 ? ": tick one more." : ".");
    }
  }

  function refreshCompareBars(root) {
    var forms = root.querySelectorAll ? root.querySelectorAll("form.compare-bar") : [];
    for (var i = 0; i < forms.length; i++) refreshCompareBar(forms[i]);
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box && box.getAttribute && box.getAttribute("data-testid") === "compare-pick" && box.form) refreshCompareBar(box.form);
  });
  // New cards and lists arrive by HTMX; the bars on the page count what is ticked now.
  document.addEventListener("htmx:load", function () { refreshCompareBars(document); });
  refreshCompareBars(document);

  // Two images one over the other: the range input moves the edge of the top image (a clip), so either side
  // can be seen in full. Without script the slider stays hidden and the images stand side by side.
  function setUpSlider(section) {
    var frame = section.querySelector(".slider-frame");
    var range = section.querySelector("input[type=range]");
    if (!frame || !range) return;
    var show = function () { frame.style.setProperty("--split", range.value + "%"); };
    range.addEventListener("input", show);
    show();
    section.hidden = false;
  }
  var sliders = document.querySelectorAll("[data-compare-slider]");
  for (var s = 0; s < sliders.length; s++) setUpSlider(sliders[s]);

  document.addEventListener("htmx:sendError", function () {
    var flash = document.getElementById("flash");
    if (flash) {
      flash.innerHTML = "";
      var p = document.createElement("p");
      p.className = "notice error";
      p.setAttribute("data-testid", "error");
      p.textContent = "Visionary could not be reached. Check your connection and try again.";
      flash.appendChild(p);
    }
  });

  // A rating widget swaps only itself; the item it rates (marked data-rated) is dimmed while it is rejected.
  document.addEventListener("htmx:load", function (event) {
    var widget = event.detail.elt;
    if (!widget || !widget.matches || !widget.matches("[data-testid=rating]")) return;
    var item = widget.closest("[data-rated]");
    if (item) item.classList.toggle("rejected", widget.getAttribute("data-state") === "rejected");
  });

  // Search suggestions: HTMX fills the list under a search field (data-suggest names it) as the person types. The
  // down arrow (or Tab) moves into the list and the arrows along it; Enter or a click follows a suggestion's link;
  // Escape, a click elsewhere, leaving the field or searching closes it. A list closed this way stays closed until
  // the next key typed, even if an answer asked for earlier arrives after.
  function suggestionList(field) {
    var id = field && field.getAttribute && field.getAttribute("data-suggest");
    return id ? document.getElementById(id) : null;
  }

  function closeSuggestions(list) {
    if (!list) return;
    list.setAttribute("data-closed", "");
    list.innerHTML = "";
    var status = document.getElementById(list.id + "-status");
    if (status) status.textContent = "";
  }

  function suggestionLinks(list) {
    return list ? list.querySelectorAll("a") : [];
  }

  document.addEventListener("input", function (event) {
    var list = suggestionList(event.target);
    if (list) list.removeAttribute("data-closed");
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    var list = event.detail.target;
    if (list && list.classList && list.classList.contains("suggestions") && list.hasAttribute("data-closed")) event.detail.shouldSwap = false;
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target || !target.closest) return;
    var box = target.closest(".suggest");
    var field = box && box.querySelector("[data-suggest]");
    var list = suggestionList(field);
    if (!list) return;
    var links = suggestionLinks(list);
    var at = Array.prototype.indexOf.call(links, target);
    if (event.key === "Escape" && links.length > 0) {
      // Also keeps the browser from clearing the field, which Escape in a search field otherwise does.
      event.preventDefault();
      closeSuggestions(list);
      field.focus();
    } else if (event.key === "ArrowDown" && links.length > 0) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) field.focus(); else links[at - 1].focus();
    }
  });

  // Leaving the field and its list for something else closes the list.
  document.addEventListener("focusout", function (event) {
    var box = event.target && event.target.closest ? event.target.closest(".suggest") : null;
    if (!box || !event.relatedTarget || box.contains(event.relatedTarget)) return;
    closeSuggestions(suggestionList(box.querySelector("[data-suggest]")));
  });

  document.addEventListener("click", function (event) {
    var lists = document.querySelectorAll(".suggestions");
    for (var i = 0; i < lists.length; i++) {
      var box = lists[i].closest(".suggest");
      if (box && !box.contains(event.target) && lists[i].firstElementChild) closeSuggestions(lists[i]);
    }
  });

  document.addEventListener("submit", function (event) {
    var field = event.target.querySelector ? event.target.querySelector("[data-suggest]") : null;
    if (field) closeSuggestions(suggestionList(field));
  });

  // The "Save to Visionary" link is meant to be dragged to the bookmarks bar; clicked here it would only be refused
  // by this page's Content-Security-Policy, so say what to do instead.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-bookmarklet]");
    if (!link) return;
    event.preventDefault();
    var hint = link.closest(".bookmarklet").querySelector("[data-bookmarklet-hint]");
    if (hint) hint.hidden = false;
  });

  // A picture pasted anywhere on a page with <input type="file" data-paste-picture="#status"> becomes that input's
  // file, as if chosen; the status line names it. A paste into a text field, or of text, is left alone.
  document.addEventListener("paste", function (event) {
    var input = document.querySelector("input[type=file][data-paste-picture]");
    var target = event.target;
    if (!input || !event.clipboardData || (target && target.matches && target.matches("input:not([type=file]), textarea, [contenteditable]"))) return;
    var items = event.clipboardData.items || [];
    for (var i = 0; i < items.length; i++) {
      var file = items[i].kind === "file" ? items[i].getAsFile() : null;
      if (!file || !/^image\/(png|jpeg|webp)$/.test(file.type)) continue;
      var chosen = new DataTransfer();
      chosen.items.add(file);
      input.files = chosen.files;
      var status = document.querySelector(input.getAttribute("data-paste-picture"));
      if (status) status.textContent = "Pasted: " + (file.name || "a picture") + " (" + Math.max(1, Math.round(file.size / 1024)) + " KB)";
      event.preventDefault();
      return;
    }
  });
})();
