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

  // The "Save to Visionary" link is meant to be dragged to the bookmarks bar; clicked here it would only be refused
  // by this page's Content-Security-Policy, so say what to do instead.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-bookmarklet]");
    if (!link) return;
    event.preventDefault();
    var hint = link.closest(".bookmarklet").querySelector("[data-bookmarklet-hint]");
    if (hint) hint.hidden = false;
  });
})();
